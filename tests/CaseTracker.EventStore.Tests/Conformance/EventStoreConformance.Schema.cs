using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Tests.Infrastructure;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Stores_started_at_the_same_time_on_an_empty_database_apply_each_migration_once()
    {
        var fresh = await AnotherDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StoreFactory.OpenAsync(Adapter, fresh))));

        await using var connection = await stores[0].OpenConnectionAsync(default);
        var applied = await connection.QueryAsync(null, "SELECT version, name FROM schema_migrations ORDER BY version", r => (r.GetInt32(0), r.GetString(1)), default);
        Assert.Equal([(1, "0001_event_store"), (2, "0002_case_read_model"), (10, "0010_documents"), (11, "0011_case_appeals"), (12, "0012_case_supplement_requested"), (13, "0013_unique_claims"), (25, "0025_document_blobs"),
            (30, "0030_mail_outbox"), (40, "0040_applicant_keys"), (41, "0041_case_search"), (42, "0042_notifications"), (50, "0050_case_fees"), (75, "0075_case_list_speed"),
            (80, "0080_personal_data_erasures"), (105, "0105_case_list_order"), (130, "0130_case_list_cover"), (131, "0131_case_ledger_order"), (145, "0145_append_one"), (165, "0165_append_writes_less"), (185, "0185_wakeup_in_process"), (186, "0186_append_one_less")], applied);
        Assert.IsType<AppendResult.Appended>(await stores[3].AppendAsync(NewStream(), ExpectedVersion.NoStream, Infrastructure.Samples.New(Infrastructure.Samples.Received(Guid.NewGuid(), Day))));
        foreach (var store in stores)
        {
            await Dispose(store);
        }
    }
}
