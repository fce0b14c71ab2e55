using CaseTracker.Reporting.Proactive;

namespace CaseTracker.Reporting.Tables;

/// <summary>
/// The statistical part of a year-end report (政府信息公开工作年度报告): sections 二, 三 and 四.
/// <see cref="AsOf"/> is the date the figures were produced as of (null for a report imported from outside).
/// </summary>
public sealed record AnnualReport(
    string Agency,
    int Year,
    ReportFormat Format,
    DateOnly? AsOf,
    Section3Table Section3,
    Section4Table Section4,
    ProactiveDisclosure? Section2)
{
    /// <summary>Section 六's fee figures; null for a report read from outside without them.</summary>
    public FeeSection? Section6 { get; init; }

    /// <summary>Requests received in the year by 申请方式; null for a report read from outside without them.</summary>
    public IReadOnlyList<ChannelCount>? Channels { get; init; }

    public int Received(int column = ApplicantColumns.TotalIndex) => Section3.Value("received", column);

    public int CarriedIn(int column = ApplicantColumns.TotalIndex) => Section3.Value("carried_in", column);

    public int Closed(int column = ApplicantColumns.TotalIndex) => Section3.Value("total", column);

    public int CarriedOut(int column = ApplicantColumns.TotalIndex) => Section3.Value("carried_out", column);
}
