using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Publishing;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Reports;

/// <summary>
/// 年度报告: pick year, agency and format; the tables in the official layout, their checks, downloads, publication
/// (API: <see cref="ReportsApi"/>).
/// </summary>
public static class ReportPages
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports", Page).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/reports/download", Download).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/reports/publish", Publish).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Page(HttpContext context, ReportService service, AgencyDirectory agencies, TimeProvider time,
        string? year, string? agency, string? subordinates, string? layout, string? message, string? error)
    {
        var access = context.Access();
        var visible = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Where(access.CanSee).Order(StringComparer.Ordinal).ToList();
        var chosen = agency ?? WebUser.Of(context.User)!.Agency ?? visible.FirstOrDefault();
        ProducedReport? produced = null;
        if (year is not null)
        {
            var ask = ReportAsk.Parse(year, chosen, subordinates, layout);
            var (report, last) = await service.ProduceAsync(ask, access, time.Today(), context.RequestAborted);
            var published = await service.PublishedAsync(ask, context.RequestAborted);
            produced = new ProducedReport(ask, report, TableValidator.Validate(report, last), published,
                published is null ? [] : Publication.Changes(published, report));
        }

        return PageResult.Of<ReportPage>(new
        {
            Year = year ?? (time.Today().Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Agencies = visible,
            Agency = chosen,
            Subordinates = subordinates == "true",
            Layout = layout,
            Produced = produced,
            CanPublish = access.Role is Role.Supervisor or Role.Administrator,
            Message = message,
            Error = error,
        });
    }

    private static async Task<IResult> Download(
        HttpContext context, ReportService service, TimeProvider time, string? year, string? agency, string? subordinates, string? layout, string? format)
    {
        var ask = ReportAsk.Parse(year, agency, subordinates, layout);
        var (report, last) = await service.ProduceAsync(ask, context.Access(), time.Today(), context.RequestAborted);
        var rendered = ReportService.Render(report, last, format);
        return Results.File(rendered.Content, rendered.MediaType, rendered.FileName);
    }

    private static async Task<IResult> Publish(HttpContext context, ReportService service, TimeProvider time)
    {
        var form = await WebForms.ReadFormAsync(context);
        var ask = ReportAsk.Parse(form.Raw.GetValueOrDefault("year"), form.Raw.GetValueOrDefault("agency"),
            form.Raw.GetValueOrDefault("subordinates"), form.Raw.GetValueOrDefault("layout"));
        var q = "/reports?" + ReportPage.Query(ask);
        try
        {
            await service.PublishAsync(ask, context.Access(), WebUser.Of(context.User)!.Name, time.Today(), context.RequestAborted);
            return Results.Redirect(q + "&message=" + Uri.EscapeDataString("已发布。"));
        }
        catch (Pipeline.UserError e)
        {
            return Results.Redirect(q + "&error=" + Uri.EscapeDataString(e.Message));
        }
    }
}
