using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels.Appeals;

public sealed record AppealRow(
    Guid CaseId, string AppealId, AppealKind Kind, DateOnly FiledOn, bool AfterReconsideration, DateOnly? ConcludedOn, AppealResult? Result)
{
    public static AppealRow Read(Columns c) => new(c.Guid("case_id"), c.String("appeal_id"), c.Enum<AppealKind>("kind"), c.Date("filed_on"),
        c.Bool("after_reconsideration"), c.NullableDate("concluded_on"), c.NullableEnum<AppealResult>("result"));
}

public sealed class AppealQueries(IReadModelDatabase database)
{
    public async Task<ILookup<Guid, AppealRow>> AppealsByCaseAsync(CancellationToken ct = default) =>
        (await database.QueryAsync("appeals_select", AppealRow.Read, ct)).ToLookup(r => r.CaseId);
}
