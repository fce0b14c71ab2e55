using System.Diagnostics;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Postgres;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Testing;

namespace CaseTracker.Benchmarks.Store;

/// <summary>
/// The event store on both adapters, each figure next to the same rows written or read with plain SQL on the same
/// database in the same run (the limit): durable single-event appends, batched appends, replay into the case list.
/// PostgreSQL: CASETRACKER_BENCH_POSTGRES, else an ephemeral server with durable settings (fsync on).
/// </summary>
public static class StoreBenchmark
{
    private const int SingleAppends = 1000;
    private const int Batches = 200;
    private const int BatchSize = 50;
    private const int ReplayCases = 3000;
    private const int Rounds = 5;

    public static async Task RunAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"casetracker-bench-{Guid.NewGuid():N}.db");
        try
        {
            await MeasureAsync("SQLite (WAL, synchronous=FULL)", await SqliteEventStore.OpenAsync(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }

        var configured = Environment.GetEnvironmentVariable("CASETRACKER_BENCH_POSTGRES");
        await using var server = string.IsNullOrWhiteSpace(configured) ? await EphemeralPostgres.StartAsync(durable: true) : null;
        await using var postgres = await PostgresEventStore.OpenAsync(configured ?? server!.ConnectionString);
        await MeasureAsync("PostgreSQL 15 (fsync on, synchronous_commit on)", postgres);
    }

    private static async Task MeasureAsync(string title, SqlEventStore store)
    {
        var plain = await PlainSql.CreateAsync(store);
        Console.WriteLine($"\n{title}");
        Console.WriteLine($"{"measure",-52}{"event store",14}{"plain SQL",14}{"ratio",8}");

        await CompareAsync("durable single-event appends/s", SingleAppends / Rounds, async () =>
        {
            for (var i = 0; i < SingleAppends / Rounds; i++)
            {
                await store.AppendAsync(CaseStreams.For(Guid.NewGuid()), ExpectedVersion.NoStream, [Event(Received(Guid.NewGuid()))]);
            }
        }, () => plain.InsertAsync(SingleAppends / Rounds, 1));

        await CompareAsync($"batched appends ({BatchSize}/append), events/s", Batches / Rounds * BatchSize, async () =>
        {
            for (var b = 0; b < Batches / Rounds; b++)
            {
                var batch = Enumerable.Range(0, BatchSize).Select(i => Event(Consultation(i))).ToList();
                await store.AppendAsync(CaseStreams.For(Guid.NewGuid()), ExpectedVersion.NoStream, batch);
            }
        }, () => plain.InsertAsync(Batches / Rounds, BatchSize));

        foreach (var caseId in Enumerable.Range(0, ReplayCases).Select(_ => Guid.NewGuid()))
        {
            await store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.NoStream, History(caseId).Select(Event).ToList());
        }

        var total = await store.CountAfterAsync(LogPosition.Start);
        var runner = new ProjectionRunner(store, store, new CaseListProjection(CasePolicy.Default));
        await runner.RebuildAsync();
        var rows = await new CaseListQueries(store).AllAsync();
        await CompareAsync($"replay into case list ({total} events), events/s", total, () => runner.RebuildAsync(), () => plain.ReplayAsync(rows), rounds: 2);
    }

    /// <summary>Alternates store and plain rounds (the machine's load changes while it runs) and prints total rates.</summary>
    private static async Task CompareAsync(string measure, long perRound, Func<Task> storeRound, Func<Task> plainRound, int rounds = Rounds)
    {
        var (storeTime, plainTime) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            await storeRound();
            storeTime += clock.Elapsed;
            clock.Restart();
            await plainRound();
            plainTime += clock.Elapsed;
        }

        var (store, plain) = (perRound * rounds / storeTime.TotalSeconds, perRound * rounds / plainTime.TotalSeconds);
        Console.WriteLine($"{measure,-52}{store,14:N0}{plain,14:N0}{store / plain,8:P0}");
    }

    private static NewEvent Event(CaseEvent e) => new(Guid.NewGuid(), e, new EventMetadata("bench", Guid.NewGuid()));

    private static CaseEvent.Received Received(Guid caseId) =>
        new(caseId, "某区政务服务局", "2024-0001", new DateOnly(2024, 3, 1), Channel.Online, ApplicantType.NaturalPerson,
            new PersonalData(Guid.NewGuid(), "张三", "110101199001011234", "13800000000", "北京市东城区某街1号"), "某信息", "电子");

    private static CaseEvent Consultation(int i) => new CaseEvent.ConsultationStarted($"c{i}", ConsultationKind.ThirdParty, "某公司", new DateOnly(2024, 3, 4));

    private static IEnumerable<CaseEvent> History(Guid caseId)
    {
        var d = new DateOnly(2024, 3, 1).AddDays(caseId.GetHashCode() & 0xFF);
        yield return Received(caseId) with { On = d };
        yield return new CaseEvent.SupplementRequested(d.AddDays(2), "补充身份证明", d.AddDays(17));
        yield return new CaseEvent.SupplementReceived(d.AddDays(6));
        yield return new CaseEvent.ConsultationStarted("c1", ConsultationKind.ThirdParty, "某公司", d.AddDays(8));
        yield return new CaseEvent.ConsultationAnswered("c1", d.AddDays(15));
        yield return new CaseEvent.Decided(d.AddDays(30), Domain.Outcomes.Outcome.DisclosedProvided, GroundList.None, "");
    }
}
