using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;
using CaseTracker.Testing;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// The file's write gate (SqliteWriteGate): the process's writers of one file take turns before BEGIN IMMEDIATE instead
/// of sleeping in SQLite's busy handler; appends go before waiting write transactions; a turn ends with the commit, the
/// rollback or the dispose, and a writer that gave up waiting holds no turn.
/// </summary>
public sealed partial class SqliteEventStoreTests
{
    private SqliteWriteGate Gate => SqliteWriteGate.For(((SqliteEventStore)Store).Path);

    [Fact]
    public async Task An_append_waiting_behind_a_write_transaction_goes_before_a_transaction_that_asked_earlier()
    {
        await using var holder = await Store.OpenConnectionAsync(default);
        var held = await Store.BeginWriteAsync(holder, default);

        // A second write transaction (a read-model follower) asks first, then a command's append.
        await using var follower = await Store.OpenConnectionAsync(default);
        var following = Store.BeginWriteAsync(follower, default);
        await Eventually.ReturnsAsync(() => Task.FromResult(Gate.Waiting), n => n == 1, "the follower waits for its turn");
        var append = Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));
        await Eventually.ReturnsAsync(() => Task.FromResult(Gate.Waiting), n => n == 2, "the append waits for its turn");
        Assert.False(following.IsCompleted);
        Assert.False(append.IsCompleted);

        await held.CommitAsync();
        await held.DisposeAsync();

        // The append had its turn before the follower: inside the follower's transaction the event is there.
        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(await append).Written);
        await using var tx = await following;
        Assert.Equal(1L, await follower.ScalarAsync(tx, "SELECT count(*) FROM events", default));
        await tx.CommitAsync();
    }

    [Fact]
    public async Task A_write_transaction_disposed_without_a_commit_rolls_back_and_lets_the_next_writer_in()
    {
        await using (var connection = await Store.OpenConnectionAsync(default))
        {
            await using var tx = await Store.BeginWriteAsync(connection, default);
            await connection.ExecuteAsync(tx, "INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES ('gate-test', 1, 1)", default);
        }

        var appended = await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)))
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(appended).Written);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM checkpoints WHERE name = 'gate-test'"));
        Assert.Equal(0, Gate.Waiting);
    }

    [Fact]
    public async Task A_command_made_by_hand_writes_in_the_gated_transaction_given_through_ForProvider()
    {
        // The speed-store benchmark set DbCommand.Transaction to the gated transaction itself: Microsoft.Data.Sqlite
        // refused it (InvalidCastException) once the gate wrapped SQLite's write transactions.
        await using (var connection = await Store.OpenConnectionAsync(default))
        {
            await using var tx = await Store.BeginWriteAsync(connection, default);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES ('by-hand', 7, 7)";
            command.Transaction = Db.ForProvider(tx);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            Assert.Throws<InvalidCastException>(() => command.Transaction = tx);
            await tx.CommitAsync();
        }

        Assert.Equal(7L, await ScalarAsync("SELECT commit_pos FROM checkpoints WHERE name = 'by-hand'"));
        Assert.Equal(0, Gate.Waiting);
    }

    [Fact]
    public async Task A_writer_that_gave_up_waiting_holds_no_turn()
    {
        await using var holder = await Store.OpenConnectionAsync(default);
        var held = await Store.BeginWriteAsync(holder, default);
        await using var other = await Store.OpenConnectionAsync(default);
        using var giveUp = new CancellationTokenSource();
        var waiting = Store.BeginWriteAsync(other, giveUp.Token);
        await Eventually.ReturnsAsync(() => Task.FromResult(Gate.Waiting), n => n == 1, "the second writer waits for its turn");

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Rollback();
        await held.DisposeAsync();

        var appended = await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)))
            .WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(appended).Written);
        await using var after = await Store.BeginWriteAsync(other, default).WaitAsync(TimeSpan.FromSeconds(20));
        await after.CommitAsync();
    }

    [Fact]
    public async Task A_derived_write_commits_without_its_own_fsync_and_leaves_the_connection_durable_again()
    {
        await using var connection = await Store.OpenConnectionAsync(default);
        var database = (Projections.IReadModelDatabase)Store;

        long inside;
        await using (var tx = await database.BeginDerivedWriteAsync(connection, default))
        {
            inside = (long)(await connection.ScalarAsync(tx, "PRAGMA synchronous", default))!;
            await database.SaveCheckpointAsync(connection, tx, "derived", new LogPosition(3, 3), default);
            await tx.CommitAsync();
        }

        // 1 = NORMAL (no fsync at commit), 2 = FULL; the rows are committed and the next writer gets its turn.
        Assert.Equal(1L, inside);
        Assert.Equal(2L, await connection.ScalarAsync(null, "PRAGMA synchronous", default));
        Assert.Equal(new LogPosition(3, 3), await Store.LoadCheckpointAsync("derived"));
        await using var next = await Store.BeginWriteAsync(connection, default).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2L, await connection.ScalarAsync(next, "PRAGMA synchronous", default));
    }
}
