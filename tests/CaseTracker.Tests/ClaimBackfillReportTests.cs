using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;

namespace CaseTracker.Tests;

/// <summary>Upgrading a store whose cases already share a 编号 in one agency: it opens, keeps them, and says so once.</summary>
public sealed class ClaimBackfillReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_run_that_upgrades_a_store_with_twice_used_numbers_lists_them_once_and_the_later_case_cannot_be_registered_again()
    {
        var path = _folder.File("store.db");
        var (first, twin, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var store = await SqliteEventStore.OpenAsync(path))
        {
            // As an older version wrote them: no claims, the same number twice in one agency.
            await ReceiveAsync(store, first, "某区教育委员会", "B-1");
            await ReceiveAsync(store, twin, "某区教育委员会", "B-1");
            await ReceiveAsync(store, other, "某区卫生健康委员会", "B-1");
            await using var connection = await store.OpenConnectionAsync(default);
            await connection.ExecuteAsync(null, "DROP TABLE unique_claims; DROP TABLE unique_claim_duplicates; DELETE FROM schema_migrations WHERE version = 13;", default);
        }

        var cli = new CliRunner("sqlite:" + path);
        var upgrade = await cli.SucceedAsync("projections", "status");
        var next = await cli.SucceedAsync("projections", "status");

        Assert.Contains("已有 1 件案件与本机关更早登记的案件编号相同", upgrade.Error, StringComparison.Ordinal);
        Assert.Contains($"某区教育委员会 编号“B-1”：案件 {twin}（与案件 {first} 相同）", upgrade.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ToString(), upgrade.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("编号", next.Error, StringComparison.Ordinal);
        await using var after = await SqliteEventStore.OpenAsync(path);
        Assert.Equal(3, (await after.ReadAllAsync(LogPosition.Start, 100)).Count);
        var again = await after.AppendAsync(CaseStreams.For(Guid.NewGuid()), ExpectedVersion.NoStream,
            [new NewEvent(Guid.NewGuid(), Received(Guid.NewGuid(), "某区教育委员会", "B-1"), new EventMetadata("cw-01", Guid.NewGuid()))],
            [UniqueClaim.CaseNumber("某区教育委员会", "B-1")]);
        Assert.Equal(CaseStreams.For(first), Assert.IsType<AppendResult.Duplicate>(again).HolderStreamId);
    }

    private static async Task ReceiveAsync(SqlEventStore store, Guid caseId, string agency, string number) =>
        Assert.IsType<AppendResult.Appended>(await store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.NoStream,
            [new NewEvent(Guid.NewGuid(), Received(caseId, agency, number), new EventMetadata("old-version", Guid.NewGuid()))]));

    private static CaseEvent.Received Received(Guid caseId, string agency, string number) =>
        new(caseId, agency, number, new DateOnly(2023, 5, 6), Channel.Online, ApplicantType.NaturalPerson, null, "某信息", "纸质");

    public void Dispose() => _folder.Dispose();
}
