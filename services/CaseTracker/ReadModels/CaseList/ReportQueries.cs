using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.Appeals;

namespace CaseTracker.ReadModels.CaseList;

/// <summary>What the year-end tables read of a case: no personal data, no clock.</summary>
public sealed record ReportCaseRow(Guid CaseId, string Agency, ApplicantType ApplicantType, DateOnly ReceivedOn, DateOnly? ClosedOn, Outcome? Outcome)
{
    public static ReportCaseRow Read(Columns c) => new(c.Guid("case_id"), c.String("agency"), c.Enum<ApplicantType>("applicant_type"),
        c.Date("received_on"), c.NullableDate("closed_on"), c.NullableEnum<Outcome>("outcome"));
}

/// <summary>The rows the year-end tables count.</summary>
public sealed class ReportQueries(IReadModelDatabase database)
{
    /// <summary>
    /// Streams the cases a year's tables can count, without holding them all: received by <paramref name="cutoff"/>, and
    /// still open at <paramref name="previousCutoff"/> (the end of the previous year, or an earlier as-of date) or appealed
    /// between <paramref name="yearStart"/> and the cutoff.
    /// </summary>
    public IAsyncEnumerable<ReportCaseRow> CasesForYearAsync(DateOnly yearStart, DateOnly previousCutoff, DateOnly cutoff, CancellationToken ct = default) =>
        database.StreamAsync("case_rows_for_report", ReportCaseRow.Read, ct,
            ("year_start", yearStart), ("previous_cutoff", previousCutoff), ("cutoff", cutoff));

    /// <summary>The appeals filed between the start of the year and the cutoff (section 四 counts them in the year filed).</summary>
    public async Task<ILookup<Guid, AppealRow>> AppealsForYearAsync(DateOnly yearStart, DateOnly cutoff, CancellationToken ct = default) =>
        (await database.QueryAsync("appeals_for_report", AppealRow.Read, ct, ("year_start", yearStart), ("cutoff", cutoff))).ToLookup(a => a.CaseId);
}
