using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.Appeals;

namespace CaseTracker.ReadModels.CaseList;

/// <summary>What the year-end tables read of a case: no personal data, no clock.</summary>
public sealed record ReportCaseRow(Guid CaseId, string Agency, ApplicantType ApplicantType, DateOnly ReceivedOn, DateOnly? ClosedOn, Outcome? Outcome)
{
    /// <summary>申请方式 (the report's channel counts).</summary>
    public Channel Channel { get; init; } = Channel.Other;

    public static ReportCaseRow Read(Columns c) => new(c.Guid("case_id"), c.String("agency"), c.Enum<ApplicantType>("applicant_type"),
        c.Date("received_on"), c.NullableDate("closed_on"), c.NullableEnum<Outcome>("outcome"))
    {
        Channel = c.NullableEnum<Channel>("channel") ?? Channel.Other,
    };
}

/// <summary>A case's fee notice as section 六 counts it (amounts in fen).</summary>
public sealed record ReportFeeRow(Guid CaseId, DateOnly NoticeOn, long AmountFen, DateOnly? PaidOn, long? PaidFen)
{
    public static ReportFeeRow Read(Columns c) => new(c.Guid("case_id"), c.Date("notice_on"), c.Long("amount_fen"), c.NullableDate("paid_on"),
        c["paid_fen"] is null ? null : c.Long("paid_fen"));
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

    /// <summary>The fee notices sent or paid between the start of the year and the cutoff (section 六).</summary>
    public async Task<IReadOnlyDictionary<Guid, ReportFeeRow>> FeesForYearAsync(DateOnly yearStart, DateOnly cutoff, CancellationToken ct = default) =>
        (await database.QueryAsync("case_fees_for_report", ReportFeeRow.Read, ct, ("year_start", yearStart), ("cutoff", cutoff))).ToDictionary(f => f.CaseId);

    /// <summary>The appeals filed between the start of the year and the cutoff (section 四 counts them in the year filed).</summary>
    public async Task<ILookup<Guid, AppealRow>> AppealsForYearAsync(DateOnly yearStart, DateOnly cutoff, CancellationToken ct = default) =>
        (await database.QueryAsync("appeals_for_report", AppealRow.Read, ct, ("year_start", yearStart), ("cutoff", cutoff))).ToLookup(a => a.CaseId);
}
