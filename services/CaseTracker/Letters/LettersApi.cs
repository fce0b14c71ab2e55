using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.OpenApi;
using Mediator;

namespace CaseTracker.Letters;

/// <summary>The letters of a case through the API: list (issued and owed), issue, record a delivery.</summary>
public static class LettersApi
{
    public const string Tag = "letters";

    public sealed record LetterEntry(string Kind, string Label, string Subject, string? LetterId, string? Number, DateOnly? IssuedOn,
        int? TemplateVersion, string? ContentHash, DeliveryMethod? DeliveryMethod, DateOnly? DeliveredOn);

    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{id:guid}/letters").RequireAuthorization().WithTags(Tag);
        api.MapGet("/", List).WithName("listLetters").WithSummary("文书")
            .WithDescription("本案应有的文书：已签发的（文号、模板版本、内容摘要、送达）和尚未签发的。")
            .Produces<IReadOnlyList<LetterEntry>>().ProducesProblems(401, 403, 404);
        api.MapPost("/", Issue).WithName("issueLetter").WithSummary("签发文书")
            .WithDescription("JSON：kind（receipt supplement extension consultation consultation-notice fee reasons delay answer withdrawal）、"
                + "subject（征求意见编号，可省略）、on（签发日期，默认今天）。按机关和年度编定文号（不重号、不跳号）。")
            .Produces<LetterIssuedResult>(201).ProducesProblems(400, 401, 403, 404, 422);
        api.MapPost("/delivery", Deliver).WithName("recordLetterDelivery").WithSummary("登记送达")
            .WithDescription("JSON：letterId（文号）、method（InPerson Post Electronic）、detail（签收情况 / EMS邮件号 / 送达渠道）、on（送达日期）、at（电子送达的时间，北京时间 yyyy-MM-dd HH:mm）。")
            .Produces<LetterEntry>().ProducesProblems(400, 401, 403, 404, 422);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, Guid id, IEventStore store)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        return TypedResults.Ok(Entries(file.State));
    }

    private static async Task<IResult> Issue(HttpContext context, Guid id, IMediator mediator)
    {
        var form = await WebForms.ReadJsonAsync(context.Request);
        var kind = LetterSlugs.Parse(form.Text("kind", "文书种类", 40));
        var result = await mediator.Send(
            new IssueLetter(id, kind, form.Optional("subject", "征求意见编号", 64), form.OptionalDate("on", "签发日期")), context.RequestAborted);
        return TypedResults.Created($"/api/cases/{id}/letters", result);
    }

    private static async Task<IResult> Deliver(HttpContext context, Guid id, IMediator mediator)
    {
        var form = await WebForms.ReadJsonAsync(context.Request);
        var change = await mediator.Send(
            new RecordMilestone(id, LetterForms.Delivery(form, form.Text("letterId", "文号", 100))), context.RequestAborted);
        var letter = (change.Events.OfType<CaseEvent.LetterDelivered>().FirstOrDefault()?.LetterId ?? form.Text("letterId", "文号", 100)) is var letterId
            ? change.State.Letters.First(l => l.LetterId == letterId)
            : null;
        return TypedResults.Ok(Entries(change.State).First(e => e.LetterId == letter!.LetterId));
    }

    public static IReadOnlyList<LetterEntry> Entries(CaseState state) =>
        LettersDue.Of(state).Select(d =>
        {
            var l = state.Letters.FirstOrDefault(x => x.Kind == d.Kind && x.Subject == d.Subject);
            return new LetterEntry(d.Kind.Slug(), d.Kind.Label(), d.Subject, l?.LetterId, l?.Number, l?.IssuedOn, l?.TemplateVersion, l?.ContentHash,
                l?.Delivery?.Method, l?.Delivery?.On);
        }).ToList();
}
