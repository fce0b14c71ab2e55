using Microsoft.Data.Sqlite;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>The writer's bulk appends (an import's chunk), whole or not at all, and its metadata per event.</summary>
public sealed partial class SqliteEventStoreTests
{
    [Fact]
    public async Task A_bulk_append_is_written_whole_and_the_writer_appends_after_it()
    {
        // 260 streams of 2 events: 520 events in one transaction.
        var appends = Enumerable.Range(0, 260).Select(_ => new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant()), Supplement(Day)))).ToList();

        var result = await Store.AppendManyAsync(appends);
        var single = await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant())));

        Assert.Equal(520, Assert.IsType<AppendResult.Appended>(result).Written);
        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(single).Written);
        Assert.Equal(521L, await CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(261L, await CountAsync("SELECT count(*) FROM subject_keys"));
    }

    [Fact]
    public async Task A_bulk_append_that_fails_half_way_keeps_nothing_and_the_writer_appends_after_it()
    {
        var appends = Enumerable.Range(0, 260).Select(_ => new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant()), Supplement(Day)))).ToList();
        Store.AfterEventWritten = written =>
        {
            if (written == 2)
            {
                throw new IOException("磁盘已满（测试）");
            }
        };

        await Assert.ThrowsAsync<IOException>(() => Store.AppendManyAsync(appends));
        Store.AfterEventWritten = null;
        var next = await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant()), Supplement(Day), Disclosed(Day)));

        Assert.Equal(3, Assert.IsType<AppendResult.Appended>(next).Written);
        Assert.Equal(3L, await CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM subject_keys"));
    }

    [Fact]
    public async Task Events_of_one_append_with_alternating_metadata_each_keep_their_own()
    {
        var import = new EventMetadata("import", Guid.NewGuid(), null, new Dictionary<string, string> { ["import.file"] = "台账.csv", ["import.row"] = "3" });
        var clerk = new EventMetadata("clerk-02", Guid.NewGuid());
        var empty = new EventMetadata("clerk-03", Guid.NewGuid(), null, new Dictionary<string, string>());
        var stream = NewStream();
        NewEvent[] events =
        [
            One(Received(Guid.NewGuid(), Day, Applicant()), import), One(Supplement(Day), clerk), One(Supplement(Day), import),
            One(Supplement(Day), empty), One(Disclosed(Day), clerk),
        ];

        await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        var log = await Store.ReadAllAsync(LogPosition.Start, 10);
        Assert.Equal(["import", "clerk-02", "import", "clerk-03", "clerk-02"], log.Select(e => e.Actor));
        Assert.Equal([2, 0, 2, 0, 0], log.Select(e => e.Metadata.Count));
        Assert.Equal(["台账.csv", "台账.csv"], log.Where(e => e.Actor == "import").Select(e => e.Metadata["import.file"]));
        Assert.Equal(["3", "3"], log.Where(e => e.Actor == "import").Select(e => e.Metadata["import.row"]));
        await using var connection = new SqliteConnection($"Data Source={Target}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT metadata FROM events ORDER BY position";
        var stored = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["{}", "{}", "{}"], stored.Where((_, i) => i is 1 or 3 or 4));
        Assert.Equal(stored[0], stored[2]);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Target}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
