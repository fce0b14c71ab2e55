using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Benchmarks.Import;
using CaseTracker.Benchmarks.Store;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Testing;

namespace CaseTracker.Benchmarks.SpeedStore;

/// <summary>
/// The event-store rows of issue 14, one store per process (<c>speed-store sqlite|postgres [rows]</c>): ledger import
/// with the read models against a plain bulk insert of the same event rows; durable single-event and batched (50)
/// appends against plain inserts; replay into every read model against a plain ordered read of the log. Each figure is
/// printed beside its baseline, measured on the same database in the same run, and the ratio. PostgreSQL: an
/// ephemeral server with durable settings (fsync on, synchronous_commit on); SQLite: WAL, synchronous=FULL.
/// </summary>
public static class SpeedStoreBenchmark
{
    // SPEED_SINGLE_APPENDS: more single appends per side for a steadier figure on a loaded machine (default 300).
    private static readonly int SingleAppends = int.TryParse(Environment.GetEnvironmentVariable("SPEED_SINGLE_APPENDS"), out var n) && n >= Rounds ? n : 300;
    private const int Batches = 60;
    private const int BatchSize = 50;
    private const int Rounds = 3;

    /// <summary><c>speed-store sqlite|postgres [rows]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out);
        return 0;
    }

    public static async Task RunAsync(string adapter, int rows, TextWriter output)
    {
        await using var bench = await BenchStore.OpenAsync(adapter, "speed-store", rows);
        var (postgres, ledger, ledgerRows, store, import, readModels) = (bench.Postgres, bench.Ledger, bench.LedgerRows, bench.Store, bench.Import, bench.ReadModels);
        var title = postgres is null ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL 15 (fsync on, synchronous_commit on)";
        output.WriteLine($"\nspeed-store {adapter}: {title}, {ledgerRows:N0}-row ledger, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        // 1. Import, phase by phase.
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var io = ProcessIo.Now();
        // As `casetracker import` does: the plan keeps each row's key, and the cases are read again as they are written.
        var options = new LedgerImportOptions { FileName = "ledger.csv", KeepCases = false };
        LedgerImportPlan plan;
        await using (var stream = File.OpenRead(ledger))
        {
            plan = LedgerImporter.Plan(stream, options);
        }

        var planned = watch.Elapsed;
        var ioPlanned = ProcessIo.Now();
        var result = await import.WriteAsync(plan, () => File.OpenRead(ledger), options, "benchmark", null, CancellationToken.None);
        var written = watch.Elapsed - planned;
        var ioWritten = ProcessIo.Now();
        var peakBeforeReadModels = ProcessIo.ResetPeak();
        await readModels.CatchUpAsync(null, CancellationToken.None);
        var importTime = watch.Elapsed;
        var ioImported = ProcessIo.Now();
        var readModelsPeak = ProcessIo.PeakMb();
        var peak = Math.Max(peakBeforeReadModels, readModelsPeak);
        var heapPeak = (GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes - managedBefore) / (1024 * 1024);
        plan = null!;
        var events = result.EventsWritten;
        var (bulkTime, bulkRows) = await PlainBulk.InsertSameRowsAsync(store);
        output.WriteLine($"import phases: read+check {planned.TotalSeconds:F1} s | write events {written.TotalSeconds:F1} s | read models {(importTime - planned - written).TotalSeconds:F1} s"
            + $" | peak working set {peak} MB (read models phase {readModelsPeak} MB; managed heap after import +{heapPeak} MB)");
        output.WriteLine($"  CPU and writes per phase: read+check {ioPlanned - io} | write events {ioWritten - ioPlanned} | read models {ioImported - ioWritten}");
        output.WriteLine($"{"measure",-58}{"store",12}{"baseline",12}{"ratio",8}  target");
        Row(output, $"import {events:N0} events incl. read models, events/s", events / importTime.TotalSeconds, bulkRows / bulkTime.TotalSeconds,
            "≥ 0.25 and ≥ " + (postgres is null ? "50,000" : "30,000") + "/s (baseline: plain bulk insert of the same rows)");

        // 2. Durable single-event appends, 3. batched appends, alternated with the plain inserts round by round.
        await AppendRowsAsync(store, output, single: true, batch: true);

        // 4. Replay of the whole log into every read model against a plain ordered read of the log.
        await store.LogShowsEverythingAsync();
        var total = await store.CountAfterAsync(LogPosition.Start);
        watch.Restart();
        var ioReplay = ProcessIo.Now();
        ProcessIo.ResetPeak();
        await readModels.RebuildAsync(null, CancellationToken.None);
        var replay = watch.Elapsed;
        output.WriteLine($"  replay: {ProcessIo.Now() - ioReplay}, peak working set {ProcessIo.PeakMb()} MB");
        var (readTime, readRows) = await PlainBulk.ReadLogAsync(store);
        Row(output, $"replay {total:N0} events into the read models, events/s", total / replay.TotalSeconds, readRows / readTime.TotalSeconds,
            "≥ 0.6 (baseline: plain ordered read of the log)");
    }

    /// <summary>
    /// Durable single-event appends and batched (50) appends, each alternated round by round with its plain baselines
    /// on the same database; the baseline is the fastest of them (named in the output): for the single append one
    /// prepared one-row insert in BEGIN/COMMIT or on its own (autocommit); for the batch one prepared insert per row, one
    /// multi-row insert in BEGIN/COMMIT, or the multi-row insert on its own (autocommit).
    /// </summary>
    internal static async Task AppendRowsAsync(SqlEventStore store, TextWriter output, bool single, bool batch)
    {
        var plain = await PlainSql.CreateAsync(store);
        server = await ServerCpuOfAsync(store);
        if (single)
        {
            var (ours, inTransaction, autocommit) = await CompareAsync(SingleAppends / Rounds, async () =>
            {
                for (var i = 0; i < SingleAppends / Rounds; i++)
                {
                    await store.AppendAsync(CaseStreams.For(Guid.NewGuid()), ExpectedVersion.NoStream, [Event(Received(Guid.NewGuid()))]);
                }
            }, () => plain.InsertAsync(SingleAppends / Rounds, 1), () => plain.InsertAsync(SingleAppends / Rounds, 1, autocommit: true));
            var (baseline, how) = autocommit.Rate > inTransaction.Rate ? (autocommit, "autocommit INSERT") : (inTransaction, "BEGIN, INSERT, COMMIT");
            output.WriteLine($"  single: store {ours.Cpu}; plain BEGIN/INSERT/COMMIT {inTransaction.Rate:N0}/s {inTransaction.Cpu}; plain autocommit INSERT {autocommit.Rate:N0}/s {autocommit.Cpu} (load {LoadAverage()})");
            Row(output, "durable single-event append, appends/s", ours.Rate, baseline.Rate, $"≥ 0.8 (baseline: plain durable one-row insert, {how})");
        }

        if (batch)
        {
            var measured = await CompareAllAsync(Batches / Rounds * BatchSize, async () =>
                {
                    for (var b = 0; b < Batches / Rounds; b++)
                    {
                        var events = Enumerable.Range(0, BatchSize).Select(i => Event(Consultation(i))).ToList();
                        await store.AppendAsync(CaseStreams.For(Guid.NewGuid()), ExpectedVersion.NoStream, events);
                    }
                }, () => plain.InsertAsync(Batches / Rounds, BatchSize), () => plain.InsertMultiRowAsync(Batches / Rounds, BatchSize),
                () => plain.InsertMultiRowAsync(Batches / Rounds, BatchSize, autocommit: true));
            string[] names = ["one prepared INSERT per row", "one multi-row INSERT in BEGIN/COMMIT", "one autocommit multi-row INSERT"];
            var fastest = Enumerable.Range(1, 3).MaxBy(i => measured[i].Rate);
            output.WriteLine($"  batch: store {measured[0].Cpu}; plain " + string.Join("; ", Enumerable.Range(1, 3).Select(i => $"{names[i - 1]} {measured[i].Rate:N0} ev/s {measured[i].Cpu}"))
                + $" (load {LoadAverage()})");
            Row(output, $"batched append ({BatchSize} events), events/s", measured[0].Rate, measured[fastest].Rate,
                $"≥ 0.8 (baseline: plain durable 50-row transaction, {names[fastest - 1]})");
        }
    }

    internal static void Row(TextWriter output, string measure, double store, double baseline, string target) =>
        output.WriteLine($"{measure,-58}{store,12:N0}{baseline,12:N0}{store / baseline,8:F2}  {target}");

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>
    /// Alternates the store's round and the plain rounds (the machine's load changes while it runs); returns each rate and
    /// CPU time. One unmeasured round of each first: the JIT compiling (and tiering up) the code of either side, the
    /// first connections and prepared statements are a start-up cost, not a cost per append.
    /// </summary>
    private static async Task<Measured[]> CompareAllAsync(long perRound, params Func<Task>[] rounds)
    {
        foreach (var round in rounds)
        {
            await round();
        }

        var times = new TimeSpan[rounds.Length];
        var io = new ProcessIo[rounds.Length];
        var serverCpu = new TimeSpan[rounds.Length];
        for (var r = 0; r < Rounds; r++)
        {
            for (var i = 0; i < rounds.Length; i++)
            {
                var before = ProcessIo.Now();
                var serverBefore = server();
                var clock = Stopwatch.StartNew();
                await rounds[i]();
                times[i] += clock.Elapsed;
                serverCpu[i] += server() - serverBefore;
                var spent = ProcessIo.Now() - before;
                io[i] = new ProcessIo(io[i].Cpu + spent.Cpu, io[i].WriteCalls + spent.WriteCalls, io[i].WriteBytes + spent.WriteBytes, io[i].Allocated + spent.Allocated);
            }
        }

        return times.Select((t, i) => new Measured(perRound * Rounds / t.TotalSeconds, io[i], perRound * Rounds, serverCpu[i])).ToArray();
    }

    private static async Task<(Measured Store, Measured Plain, Measured Other)> CompareAsync(
        long perRound, Func<Task> storeRound, Func<Task> plainRound, Func<Task> otherRound)
    {
        var measured = await CompareAllAsync(perRound, storeRound, plainRound, otherRound);
        return (measured[0], measured[1], measured[2]);
    }

    /// <summary>A side's rate, and its CPU time and write system calls/bytes (per unit: an append, an event) over all rounds.</summary>
    private readonly record struct Measured(double Rate, ProcessIo Io, long Units, TimeSpan ServerCpu)
    {
        public string Cpu => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"CPU {Io.Cpu.TotalSeconds:F2} s ({Io.Cpu.TotalMilliseconds * 1000 / Units:F0} µs, {(double)Io.WriteCalls / Units:F1} writes, {Io.WriteBytes / 1024.0 / Units:F1} KB each")
            + (ServerCpu > TimeSpan.Zero ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; server CPU {ServerCpu.TotalMilliseconds * 1000 / Units:F0} µs each)") : ")");
    }

    // The CPU time of the PostgreSQL server of the store (its processes, /proc; 10 ms ticks), zero for SQLite.
    private static Func<TimeSpan> server = () => TimeSpan.Zero;

    private static async Task<Func<TimeSpan>> ServerCpuOfAsync(SqlEventStore store)
    {
        await using var connection = await store.OpenConnectionAsync(default);
        return connection is Npgsql.NpgsqlConnection { Host: "127.0.0.1" or "localhost" } npgsql && npgsql.Port is var port
            ? () => SpeedReplay.ServerCpu.Of(port)
            : () => TimeSpan.Zero;
    }

    // Event ids as the product makes them (time-ordered); the plain rows get theirs from the same generator.
    private static NewEvent Event(CaseEvent e) => new(NewEvent.NewId(), e, new EventMetadata("bench", Guid.NewGuid()));

    private static CaseEvent.Received Received(Guid caseId) =>
        new(caseId, "某区政务服务局", "2024-0001", new DateOnly(2024, 3, 1), Channel.Online, ApplicantType.NaturalPerson,
            new PersonalData(Guid.NewGuid(), "张三", "110101199001011234", "13800000000", "北京市东城区某街1号"), "某信息", "电子");

    private static CaseEvent Consultation(int i) => new CaseEvent.ConsultationStarted($"c{i}", ConsultationKind.ThirdParty, "某公司", new DateOnly(2024, 3, 4));
}
