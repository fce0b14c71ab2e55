using System.ComponentModel;
using System.Text.Json.Serialization;
using CaseTracker.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using CaseTracker.Web.OpenApi;

namespace CaseTracker.Reports;

/// <summary>年度报告 over the API: GET /api/reports/{year}, JSON by default or a file in another format.</summary>
public static class ReportsApi
{
    private static readonly string[] Files =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/html",
        "text/csv",
        "text/markdown",
    ];

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{year}", Get).RequireAuthorization().WithTags("reports").WithName("getYearReport")
            .WithSummary("年度报告统计表")
            .WithDescription("format: json（默认）xlsx docx html csv md；layout: 2021 2019 pre2019（默认按年度）。")
            .Produces<AnnualReportDocument>().ProducesFiles(Files).ProducesProblems(400, 401, 403);
        return app;
    }

    private static async Task<IResult> Get(HttpContext context, ReportService service, TimeProvider time,
        [Description("年度，2008 年以后，如 2024")] string year,
        [Description("机关名称（必填）")] string? agency,
        [Description("输出格式：json（默认）、xlsx、docx、html、csv、md")] string? format,
        [Description("表格格式：2021、2019、pre2019；留空按年度")] string? layout,
        [Description("true：含下属机关")] string? subordinates)
    {
        var ask = ReportAsk.Parse(year, agency, subordinates, layout);
        var (report, last) = await service.ProduceAsync(ask, context.Access(), time.Today(), context.RequestAborted);
        var rendered = ReportService.Render(report, last, format);
        return Results.File(rendered.Content, rendered.MediaType, format is null or "json" ? null : rendered.FileName);
    }
}

/// <summary>
/// The JSON year report as the API documents it. It is written by <c>JsonReportWriter</c> (a contract shared with reference/tables);
/// this type only describes that shape for the OpenAPI document.
/// </summary>
public sealed record AnnualReportDocument(
    [property: Description("机关")] string Agency,
    [property: Description("年度")] int Year,
    [property: Description("表格格式：2021、2019、pre2019")] string Format,
    [property: Description("统计截至日期（当年未结束时）"), JsonPropertyName("as_of")] DateOnly? AsOf,
    [property: Description("第三部分：收到和处理政府信息公开申请情况")] ReportSection3 Section3,
    [property: Description("第四部分：政府信息公开行政复议、行政诉讼情况（单元格代码 → 数）")]
    IReadOnlyDictionary<string, int> Section4,
    [property: Description("第二部分：主动公开政府信息情况（表名 → 表），已填报时才有")]
    IReadOnlyDictionary<string, ReportSection2Table>? Section2,
    [property: Description("第六部分：信息处理费（国办函〔2020〕109号）：收费通知件数、收费通知总金额、实际收取金额（元）")]
    ReportSection6? Section6 = null,
    [property: Description("本年新收申请按申请方式统计（申请方式 → 件数）")] IReadOnlyDictionary<string, int>? Channels = null);

public sealed record ReportSection6(int FeeNotices, decimal FeeAmount, decimal FeesCollected);

public sealed record ReportSection3(
    [property: Description("申请人类型列")] IReadOnlyList<string> Columns,
    IReadOnlyList<ReportSection3Row> Rows);

public sealed record ReportSection3Row(string Code, string Label, [property: Description("列名 → 数")] IReadOnlyDictionary<string, int> Values);

public sealed record ReportSection2Table(
    IReadOnlyList<string> Columns,
    [property: Description("行名 → 各列的值（金额为文本，其余为数）")]
    IReadOnlyDictionary<string, IReadOnlyList<System.Text.Json.JsonElement>> Rows);
