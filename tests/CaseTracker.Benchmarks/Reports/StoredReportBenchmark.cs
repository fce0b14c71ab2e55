using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Reports;

namespace CaseTracker.Benchmarks.Reports;

/// <summary>
/// A year's report produced the way the product does it (<see cref="YearEndReports"/>: the read model streamed from
/// SQLite, counted), over a read model of N cases. The rows are written with the projection's own upsert from realistic
/// folded histories (cloned under new ids), which is far faster than replaying N streams. One size per process, so the
/// peak working set is the report's own.
/// </summary>
public static class StoredReportBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static async Task RunAsync(int size, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("casetracker-report-bench-");
        try
        {
            var store = await SqliteEventStore.OpenAsync(Path.Combine(folder.FullName, "store.db"));
            await new AgencyDirectory(new DocumentStore(store, TimeProvider.System))
                .SaveAsync(DemoAgencies.All.Select(a => new Agency(a.Name, a.Parent)).ToList(), "benchmark", default);
            var fill = Stopwatch.StartNew();
            await FillAsync(store, size);
            var filled = fill.Elapsed;
            var baseline = Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024);
            var documents = new DocumentStore(store, TimeProvider.System);
            var reports = new YearEndReports(new ReportQueries(store), new AgencyDirectory(documents), new Section2Figures(documents), new AgencyAppeals(documents, new AgencyDirectory(documents), TimeProvider.System));
            var watch = Stopwatch.StartNew();
            var report = await reports.ProduceAsync(new ReportQuery(DemoAgencies.District, true, 2025, null, Today), default);
            var produced = watch.Elapsed;
            var floor = Stopwatch.StartNew();
            var scanned = await ScanAsync(store);
            var scan = floor.Elapsed;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            output.WriteLine($"report from store: {size,9:N0} cases (filled in {filled.TotalSeconds:F0} s) | produce {produced.TotalMilliseconds,7:F0} ms | plain scan of the table {scan.TotalMilliseconds,7:F0} ms ({scanned:N0} rows) | ratio {produced / scan,5:F1}x | peak working set {peak} MB (before: {baseline} MB) | 一 = {report.Section3.Row("received")!.Values[^1]}");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task FillAsync(SqlEventStore store, int size)
    {
        var templates = new DemoCases(3, Today, CasePolicy.Default).Generate(Math.Min(size, 40_000) / 4 + 1, 4)
            .Select(demo => CaseDecider.Fold(Events(demo))).ToList();
        var envelope = new EventEnvelope(Guid.Empty, "", 1, LogPosition.Start, "", 1, Today, DateTimeOffset.UnixEpoch, "benchmark", Guid.Empty, null,
            new Dictionary<string, string>(), templates[0].History[0].Event);
        for (var start = 0; start < size; start += 20_000)
        {
            await using var connection = await store.OpenConnectionAsync(default);
            await using var tx = await store.BeginWriteAsync(connection, default);
            await using var commands = new PreparedCommands(connection, tx, store.Sql);
            for (var i = start; i < Math.Min(size, start + 20_000); i++)
            {
                var template = templates[i % templates.Count];
                var caseId = Guid.NewGuid();
                var state = template with { Receipt = template.Receipt! with { CaseId = caseId } };
                var row = CaseRow.From(state, envelope with { StreamId = CaseStreams.For(caseId) }, CasePolicy.Default)!;
                await commands.ExecuteAsync("case_row_upsert", default, row.Parameters());
            }

            await tx.CommitAsync();
        }
    }

    private static async Task<long> ScanAsync(SqlEventStore store)
    {
        await using var connection = await store.OpenConnectionAsync(default);
        await using var command = connection.Command(null, "SELECT agency, applicant_type, received_on, closed_on, outcome FROM case_read_model");
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            rows += reader.GetString(0).Length > 0 ? 1 : 0;
        }

        return rows;
    }

    private static IEnumerable<CaseEvent> Events(DemoCase demo) =>
        CaseDecider.DecideAll(demo.Commands, CaseState.Initial, CasePolicy.Default).Events;
}
