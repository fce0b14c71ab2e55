using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;
using Mediator;

namespace CaseTracker.Letters;

/// <summary>
/// The letters of a case in the browser: the print view (a draft of a letter owed, or the issued letter again), issuing,
/// recording the delivery, the DOCX. Routes under /cases/{id}/letters/{kind} (kind: <see cref="LetterSlugs"/>).
/// </summary>
public static class LetterPages
{
    public static IEndpointRouteBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/cases/{id:guid}/letters").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/{kind}", Show);
        pages.MapGet("/{kind}/docx", Docx);
        pages.MapPost("/{kind}/issue", Issue);
        pages.MapPost("/{kind}/delivery", Deliver);
        app.MapGet("/letters.css", () => Results.Text(Css.Value, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapLetterTemplates();
        app.MapLettersApi();
        return app;
    }

    public static string Href(Guid caseId, LetterKind kind, string subject, string? suffix = null) =>
        $"/cases/{caseId}/letters/{kind.Slug()}{suffix}" + (subject.Length > 0 ? $"?subject={Uri.EscapeDataString(subject)}" : "");

    public static bool SeesPersonalData(HttpContext context, string agency) =>
        context.Access().SeesPersonalData(WebUser.Of(context.User)!.Role, agency);

    private static async Task<IResult> Show(
        HttpContext context, Guid id, string kind, string? subject, string? done, IEventStore store, LetterDesk desk, TimeProvider time)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var notice = done switch { "issued" => "已签发。", "delivered" => "已登记送达。", _ => null };
        return await PageAsync(context, file, LetterSlugs.Parse(kind), subject, desk, time.Today(), notice, null, 200);
    }

    private static async Task<IResult> Docx(HttpContext context, Guid id, string kind, string? subject, IEventStore store, LetterDesk desk, TimeProvider time)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var view = await desk.ShowAsync(file, LetterSlugs.Parse(kind), subject, SeesPersonalData(context, file.Agency), time.Today(), context.RequestAborted);
        var name = view.Issued is { } issued ? $"{issued.Number}{view.Letter.Kind.Label()}.docx" : $"{view.Letter.Kind.Label()}（草稿）.docx";
        return Results.File(LetterDocx.Write(view.Letter), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    private static async Task<IResult> Issue(HttpContext context, Guid id, string kind, IMediator mediator, IEventStore store, LetterDesk desk, TimeProvider time)
    {
        var form = await WebForms.ReadFormAsync(context);
        var letterKind = LetterSlugs.Parse(kind);
        var subject = form.Optional("subject", "征求意见编号", 64);
        try
        {
            await mediator.Send(new IssueLetter(id, letterKind, subject, form.OptionalDate("on", "签发日期")), context.RequestAborted);
            return Results.Redirect(Href(id, letterKind, subject ?? "") + (subject is null ? "?" : "&") + "done=issued");
        }
        catch (Exception error) when (Problem.From(error) is { Status: not (403 or 404) } problem)
        {
            var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
            return await PageAsync(context, file, letterKind, subject, desk, time.Today(), null, "未签发：" + problem.Detail, problem.Status);
        }
    }

    private static async Task<IResult> Deliver(HttpContext context, Guid id, string kind, IMediator mediator, IEventStore store, LetterDesk desk, TimeProvider time)
    {
        var form = await WebForms.ReadFormAsync(context);
        var letterKind = LetterSlugs.Parse(kind);
        var subject = form.Optional("subject", "征求意见编号", 64);
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        try
        {
            var due = LettersDue.Find(file.State, letterKind, subject) ?? throw new NotFoundException($"本案没有{letterKind.Label()}。");
            var letter = file.State.Letters.FirstOrDefault(l => l.Kind == letterKind && l.Subject == due.Subject)
                ?? throw new DomainException("delivery.not_issued", $"{letterKind.Label()}尚未签发，不能登记送达。");
            await mediator.Send(new RecordMilestone(id, LetterForms.Delivery(form, letter.LetterId)), context.RequestAborted);
            return Results.Redirect(Href(id, letterKind, due.Subject) + (due.Subject.Length == 0 ? "?" : "&") + "done=delivered");
        }
        catch (Exception error) when (Problem.From(error) is { Status: not (403 or 404) } problem)
        {
            file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
            return await PageAsync(context, file, letterKind, subject, desk, time.Today(), null, "送达未登记：" + problem.Detail, problem.Status);
        }
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, CaseFile file, LetterKind kind, string? subject, LetterDesk desk, DateOnly today, string? notice, string? error, int status)
    {
        var view = await desk.ShowAsync(file, kind, subject, SeesPersonalData(context, file.Agency), today, context.RequestAborted);
        return PageResult.Of<LetterPage>(new
        {
            File = file,
            View = view,
            CanRecord = context.Access().CanRecord(file.Agency),
            Today = today,
            Notice = notice,
            Error = error,
        }, status);
    }

    public static string Stylesheet => Css.Value;

    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(LetterPages).Assembly.GetManifestResourceStream("CaseTracker.Letters.letters.css")!;
        return new StreamReader(stream).ReadToEnd();
    });
}
