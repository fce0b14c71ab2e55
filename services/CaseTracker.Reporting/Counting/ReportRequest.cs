using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Counting;

/// <summary>
/// What to produce: the agencies, the year, the date the figures are taken as of (only milestones dated on or
/// before it count), the format (by default the one due for the year) and section 二's recorded figures.
/// </summary>
public sealed record ReportRequest(AgencySelection Agencies, int Year, DateOnly AsOf, ReportFormat? Format = null, ProactiveDisclosure? Section2 = null)
{
    public ReportFormat EffectiveFormat => Format ?? ReportFormats.ForYear(Year);

    public DateOnly YearStart => new(Year, 1, 1);

    /// <summary>The end of the year, or the as-of date if earlier.</summary>
    public DateOnly Cutoff => Min(new DateOnly(Year, 12, 31), AsOf);

    /// <summary>The end of the previous year, or the as-of date if earlier (二 is what was open then).</summary>
    public DateOnly PreviousCutoff => Min(new DateOnly(Year - 1, 12, 31), AsOf);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
