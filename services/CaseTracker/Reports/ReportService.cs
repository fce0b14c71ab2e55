using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Publishing;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reports;

/// <summary>A report as asked for on the page or the API: year, agency (with those under it), table format.</summary>
public sealed record ReportAsk(int Year, string Agency, bool IncludeSubordinates, ReportFormat? Format)
{
    public string Key => $"{Agency}|{(IncludeSubordinates ? "all" : "own")}|{Year}|{Format?.Code() ?? "auto"}";

    public static ReportAsk Parse(string? year, string? agency, string? subordinates, string? format)
    {
        if (!int.TryParse(year, out var y) || y is < 2008 or > 2200)
        {
            throw new UserError("year", $"年度：“{year}”无效，应为 2008 年以后的年份，例如 2024。");
        }

        if (string.IsNullOrWhiteSpace(agency))
        {
            throw new UserError("agency", "机关：必须选择。");
        }

        var parsed = ReportFormats.Parse(format);
        if (!string.IsNullOrWhiteSpace(format) && format != "auto" && parsed is null)
        {
            throw new UserError("layout", $"表格格式：“{format}”不支持，应为 2021、2019 或 pre2019。");
        }

        return new ReportAsk(y, agency.Trim(), subordinates is "true" or "on" or "1", parsed);
    }
}

/// <summary>A frozen report in the document store (collection "published-reports").</summary>
public sealed record PublishedDocument(string Agency, bool IncludeSubordinates, int Year, DateOnly PublishedOn, string PublishedBy, string Json);

public sealed class ReportService(YearEndReports reports, DocumentStore documents, Agencies.AgencyDirectory agencies)
{
    public const string Collection = "published-reports";

    public async Task<(AnnualReport Report, AnnualReport LastYear)> ProduceAsync(ReportAsk ask, Access access, DateOnly today, CancellationToken ct)
    {
        if (!access.CanSee(ask.Agency))
        {
            throw new ForbiddenException($"您无权查看“{ask.Agency}”的报告。");
        }

        // The same scope as every other view: the counts of the agencies under it only for one who may see each of them
        // (a supervisor, legal officer or auditor of the parent; not a caseworker, who sees their own agency only).
        if (ask.IncludeSubordinates && !access.AllAgencies
            && (await agencies.WithEverythingUnderAsync(ask.Agency, ct)).FirstOrDefault(a => !access.CanSee(a)) is not null)
        {
            throw new ForbiddenException($"您无权查看“{ask.Agency}”下属机关的数据；可查看本机关（不含下属机关）的报告。");
        }

        var query = new ReportQuery(ask.Agency, ask.IncludeSubordinates, ask.Year, ask.Format, today);
        try
        {
            return (await reports.ProduceAsync(query, ct), await reports.ProduceAsync(query with { Year = ask.Year - 1, Format = null }, ct));
        }
        catch (UserError e) when (e.Field.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UserError(e.Field[2..], e.Message.Replace(" 可用 casetracker agencies list 查看已登记的机关。", "", StringComparison.Ordinal));
        }
    }

    public async Task<PublishedReport?> PublishedAsync(ReportAsk ask, CancellationToken ct) =>
        await documents.GetAsync<PublishedDocument>(Collection, ask.Key, ct) is { } doc ? Publication.Thaw(doc.Value.Json, doc.Value.PublishedOn) : null;

    public async Task<PublishedReport> PublishAsync(ReportAsk ask, Access access, string by, DateOnly today, CancellationToken ct)
    {
        if (access.Role is not (Role.Supervisor or Role.Administrator))
        {
            throw new ForbiddenException("只有监督人员和系统管理员可以发布年度报告。");
        }

        var (report, lastYear) = await ProduceAsync(ask, access, today, ct);
        var result = Publication.Freeze(report, today, lastYear);
        if (result.Published is not { } published)
        {
            throw new UserError("report", "报告未通过校验，不能发布：" + string.Join("；", result.Problems.Select(p => p.Message)));
        }

        try
        {
            await documents.PutAsync(Collection, ask.Key,
                new PublishedDocument(ask.Agency, ask.IncludeSubordinates, ask.Year, today, by, published.Json), by, 0, ct);
        }
        catch (DocumentConflictException)
        {
            throw new UserError("report",
                $"{ask.Agency} {ask.Year} 年度报告已经发布，不能再次发布；下方列出与发布时相比的变化。");
        }

        return published;
    }

    public static RenderedReport Render(AnnualReport report, AnnualReport lastYear, string? output) =>
        ReportOutput.Render(report, output?.ToLowerInvariant() switch
        {
            "xlsx" => ReportOutputFormat.Xlsx,
            "docx" => ReportOutputFormat.Docx,
            "html" => ReportOutputFormat.Html,
            "json" or null or "" => ReportOutputFormat.Json,
            "csv" => ReportOutputFormat.Csv,
            "md" => ReportOutputFormat.Markdown,
            _ => throw new UserError("format", $"输出格式：“{output}”不支持，应为 xlsx、docx、html、json、csv 或 md。"),
        }, lastYear);
}
