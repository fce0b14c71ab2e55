using CaseTracker.EventStore;
using CaseTracker.EventStore.Sqlite;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Tests;

public sealed class ImportMetadataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Imported_events_name_the_file_and_row_they_came_from()
    {
        var path = _folder.File("store.db");
        var ledger = _folder.File("台账2023.csv");
        await File.WriteAllTextAsync(ledger, """
            编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形
            C-1,某区市场监督管理局,2023-06-01,自然人,网络,,,
            C-2,某区市场监督管理局,2023-06-02,法律服务机构,邮寄,2023-06-20,不予公开,属于国家秘密
            """);

        await new CliRunner("sqlite:" + path).SucceedAsync("import", ledger);

        var store = await SqliteEventStore.OpenAsync(path);
        var events = await store.ReadStreamAsync(CaseStreams.For(LedgerIds.CaseId("某区市场监督管理局", "C-2")));
        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal("台账2023.csv", e.Metadata["import.file"]);
            Assert.Equal("3", e.Metadata["import.row"]);
            Assert.StartsWith("import:", e.Actor, StringComparison.Ordinal);
        });
        Assert.Equal(new DateOnly(2023, 6, 20), events[1].BusinessDate);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
