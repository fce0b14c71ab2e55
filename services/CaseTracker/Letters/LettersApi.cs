using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
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

    /// <summary>签发文书: POST /api/cases/{id}/letters.</summary>
    public sealed record IssueLetterBody(
        [property: Description("文书种类：receipt supplement extension consultation consultation-notice fee reasons delay answer withdrawal"), MaxLength(40)] string Kind,
        [property: Description("征求意见编号（征求意见书、征求意见告知书；省略为最近一次）"), MaxLength(64)] string? Subject,
        [property: Description("签发日期，默认今天")] DateOnly? On);

    /// <summary>登记送达: POST /api/cases/{id}/letters/delivery.</summary>
    public sealed record DeliveryBody(
        [property: Description("文号（签发时返回的 letterId）"), MaxLength(100)] string LetterId,
        [property: Description("送达方式")] DeliveryMethod Method,
        [property: Description("当面：签收情况（不写姓名）；邮寄：EMS邮件号；电子：送达渠道（电子邮件或门户网站）"), MaxLength(200)] string Detail,
        [property: Description("送达日期（受送达人收到之日）")] DateOnly On,
        [property: Description("电子送达的时间，北京时间 yyyy-MM-dd HH:mm"), MaxLength(40)] string? At);

    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{id:guid}/letters").RequireAuthorization().WithTags(Tag);
        api.MapGet("/", List).WithName("listLetters").WithSummary("文书")
            .WithDescription("本案应有的文书：已签发的（文号、模板版本、内容摘要、送达）和尚未签发的。")
            .Produces<IReadOnlyList<LetterEntry>>().ProducesProblems(401, 403, 404);
        api.MapPost("/", Issue).WithName("issueLetter").WithSummary("签发文书")
            .WithDescription("JSON：kind（receipt supplement extension consultation consultation-notice fee reasons delay answer withdrawal）、"
                + "subject（征求意见编号，可省略）、on（签发日期，默认今天）。按机关和年度编定文号（不重号、不跳号）。")
            .AcceptsJson(typeof(IssueLetterBody)).Produces<LetterIssuedResult>(201).ProducesProblems(400, 401, 403, 404, 422);
        api.MapPost("/delivery", Deliver).WithName("recordLetterDelivery").WithSummary("登记送达")
            .WithDescription("JSON：letterId（文号）、method（InPerson Post Electronic）、detail（签收情况 / EMS邮件号 / 送达渠道）、on（送达日期）、at（电子送达的时间，北京时间 yyyy-MM-dd HH:mm）。")
            .AcceptsJson(typeof(DeliveryBody)).Produces<LetterEntry>().ProducesProblems(400, 401, 403, 404, 422);
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
