using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Letters;

/// <summary>
/// 文书设置 (administrators): an agency's 文号字头, 复议机关 and 管辖法院, and its template per kind: edit, preview on a real
/// case of the agency (personal data withheld), save as a new version.
/// </summary>
public static class LetterTemplatePages
{
    public static IEndpointRouteBuilder MapLetterTemplates(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/letters").RequireAuthorization().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Access().CanAdminister
                ? await next(context)
                : throw new ForbiddenException("只有系统管理员可以设置文书模板。"));
        admin.MapGet("/", async (HttpContext c, AgencyDirectory agencies, LetterTemplates templates, string? agency, string? kind) =>
        {
            var state = await StateAsync(agencies, templates, agency, kind, c.RequestAborted);
            return Page(state with { Text = state.History?.Current.Text });
        });
        admin.MapPost("/settings", async (HttpContext c, AgencyDirectory agencies, LetterTemplates templates) =>
        {
            var form = await WebForms.ReadFormAsync(c);
            var state = await StateAsync(agencies, templates, form.Raw.GetValueOrDefault("agency"), form.Raw.GetValueOrDefault("kind"), c.RequestAborted);
            try
            {
                var agency = state.Agency ?? throw new UserError("agency", "请选择机关。");
                var settings = new LetterSettings(form.Optional("prefix", "文号字头", 40), form.Optional("reconsiderationBody", "复议机关", 200),
                    form.Optional("court", "管辖法院", 200));
                await agencies.SaveAsync([agency with { Letters = settings }], WebUser.Of(c.User)!.Name, c.RequestAborted);
                return Page(state with { Agency = agency with { Letters = settings }, Text = state.History?.Current.Text, Notice = $"已保存“{agency.Name}”的文书设置。" });
            }
            catch (Exception error) when (Problem.From(error) is { } problem)
            {
                return Page(state with { Text = state.History?.Current.Text, Error = problem.Detail }, problem.Status);
            }
        });
        admin.MapPost("/template", async (HttpContext c, AgencyDirectory agencies, LetterTemplates templates, LetterDesk desk, IEventStore store, TimeProvider time) =>
        {
            var form = await WebForms.ReadFormAsync(c);
            var state = await StateAsync(agencies, templates, form.Raw.GetValueOrDefault("agency"), form.Raw.GetValueOrDefault("kind"), c.RequestAborted);
            var text = form.Raw.GetValueOrDefault("text") ?? "";
            state = state with { Text = text, CaseNumber = form.Optional("caseNumber", "预览案件编号", 64) };
            try
            {
                var agency = state.Agency ?? throw new UserError("agency", "请选择机关。");
                if (form.Raw.GetValueOrDefault("action") == "save")
                {
                    var saved = await templates.SaveAsync(agency.Name, state.Kind, text, WebUser.Of(c.User)!.Name, c.RequestAborted);
                    state = state with { History = await templates.HistoryAsync(agency.Name, state.Kind, c.RequestAborted), Notice = $"已保存为第 {saved.Version} 版。" };
                }
                else
                {
                    LetterTemplates.Parse(text);
                }

                if (state.CaseNumber is { } number)
                {
                    var caseId = await CaseLookup.FindAsync(store, agency.Name, number, c.RequestAborted);
                    var file = await CaseFile.LoadAsync(store, caseId, c.Access(), c.RequestAborted);
                    var (letter, undefined) = await desk.PreviewAsync(file, state.Kind, text, time.Today(), c.RequestAborted);
                    state = state with { Preview = letter, Undefined = undefined };
                }

                return Page(state);
            }
            catch (Exception error) when (Problem.From(error) is { } problem)
            {
                return Page(state with { Error = problem.Detail }, problem.Status);
            }
        });
        return app;
    }

    private static async Task<TemplatePageState> StateAsync(
        AgencyDirectory agencies, LetterTemplates templates, string? agencyName, string? kindSlug, CancellationToken ct)
    {
        var all = await agencies.ListAsync(ct);
        var agency = all.FirstOrDefault(a => a.Name == agencyName?.Trim()) ?? all.OrderBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault();
        var kind = string.IsNullOrWhiteSpace(kindSlug) ? LetterKind.Answer : LetterSlugs.Parse(kindSlug);
        var history = agency is null ? null : await templates.HistoryAsync(agency.Name, kind, ct);
        return new TemplatePageState(all.Select(a => a.Name).Order(StringComparer.Ordinal).ToList(), agency, kind, history);
    }

    private static IResult Page(TemplatePageState state, int status = 200) => PageResult.Of<LetterTemplatesPage>(new { State = state }, status);
}

public sealed record TemplatePageState(IReadOnlyList<string> Agencies, Agency? Agency, LetterKind Kind, TemplateHistory? History)
{
    public string? Text { get; init; }

    public string? CaseNumber { get; init; }

    public RenderedLetter? Preview { get; init; }

    public IReadOnlyList<string> Undefined { get; init; } = [];

    public string? Notice { get; init; }

    public string? Error { get; init; }
}
