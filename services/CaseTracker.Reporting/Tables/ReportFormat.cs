namespace CaseTracker.Reporting.Tables;

/// <summary>The table format of a year's report.</summary>
public enum ReportFormat
{
    /// <summary>Before 2019: no national table; the local categories (已主动公开 / 同意公开 …).</summary>
    Pre2019,

    /// <summary>国办公开办函〔2019〕60号: reports for 2019 and 2020; （六）其他处理 is one row.</summary>
    Format2019,

    /// <summary>国办公开办函〔2021〕30号: reports for 2021 onward.</summary>
    Format2021,
}

public static class ReportFormats
{
    /// <summary>The format a year's report is due in (overridable in the request).</summary>
    public static ReportFormat ForYear(int year) => year switch
    {
        < 2019 => ReportFormat.Pre2019,
        < 2021 => ReportFormat.Format2019,
        _ => ReportFormat.Format2021,
    };

    /// <summary>The name used in the JSON shape ("format": "2021").</summary>
    public static string Code(this ReportFormat format) => format switch
    {
        ReportFormat.Pre2019 => "pre2019",
        ReportFormat.Format2019 => "2019",
        _ => "2021",
    };

    public static ReportFormat? Parse(string? code) => code?.Trim() switch
    {
        "pre2019" => ReportFormat.Pre2019,
        "2019" => ReportFormat.Format2019,
        "2021" => ReportFormat.Format2021,
        _ => null,
    };

    public static string Label(this ReportFormat format) => format switch
    {
        ReportFormat.Pre2019 => "2019年以前的地方格式",
        ReportFormat.Format2019 => "国办公开办函〔2019〕60号格式",
        _ => "国办公开办函〔2021〕30号格式",
    };
}
