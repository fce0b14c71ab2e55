using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Search;

namespace CaseTracker.Benchmarks.Search;

/// <summary>
/// Search and list latency over a store of N demo cases (default 100,000; realistic names, ID numbers, phones and
/// descriptions): each query 30 times after a warm-up, median and 95th percentile, as a supervisor of the whole district
/// (so the applicant hashes are searched too). One adapter per process.
/// </summary>
public static class SearchBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static async Task RunAsync(string adapter, int cases, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("casetracker-search-bench-");
        await using var postgres = adapter == "postgres" ? await CaseTracker.Testing.EphemeralPostgres.StartAsync(durable: true) : null;
        try
        {
            var location = postgres is null
                ? new StoreLocation(StoreKind.Sqlite, Path.Combine(folder.FullName, "store.db"))
                : new StoreLocation(StoreKind.Postgres, postgres.ConnectionString);
            await using var store = await location.OpenAsync(TimeProvider.System, CancellationToken.None);
            var documents = new DocumentStore(store, TimeProvider.System);
            var agencies = new AgencyDirectory(documents);
            await agencies.SaveAsync(DemoAgencies.All.Select(a => new Agency(a.Name, a.Parent)).ToList(), "benchmark", default);
            var demo = new DemoCases(11, Today, CasePolicy.Default).Generate(cases / 4, 4).ToList();
            var watch = Stopwatch.StartNew();
            PersonalData? sample = null;
            string? sampleDescription = null;
            foreach (var chunk in demo.Chunk(2000))
            {
                var appends = chunk.Select(c =>
                {
                    var events = CaseDecider.DecideAll(c.Commands, CaseState.Initial, CasePolicy.Default).Events;
                    return new StreamAppend(CaseStreams.For(c.CaseId), ExpectedVersion.NoStream,
                        events.Select(e => new NewEvent(Guid.NewGuid(), e, new EventMetadata("benchmark", Guid.NewGuid()))).ToList());
                }).ToList();
                await store.AppendManyAsync(appends);
                var received = (CaseEvent.Received)appends[^1].Events[0].Event;
                sample ??= received.Applicant;
                sampleDescription ??= received.Description;
            }

            var written = watch.Elapsed;
            await new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, documents)).CatchUpAsync(null, default);
            var projected = watch.Elapsed - written;
            output.WriteLine($"search {adapter}: {demo.Count:N0} cases written in {written.TotalSeconds:F1} s, read models in {projected.TotalSeconds:F1} s");

            // A fresh cache for every call: the query's own cost, never a total kept from the call before.
            CaseSearch Search() => new(store, agencies, new ApplicantKeyring(store, (string?)null), CasePolicy.Default, new ReadModelCache(store));
            var district = await agencies.WithEverythingUnderAsync(DemoAgencies.District, default);
            var supervisor = new Access(Role.Supervisor, district);
            var word = sampleDescription![..4];
            var queries = new (string Label, CaseFilter Filter)[]
            {
                ("list, page 1 (newest first)", new CaseFilter()),
                ("list, page 200", new CaseFilter { Page = 200 }),
                ("list, open + overdue, by deadline", new CaseFilter { Status = "Open", Overdue = true, Sort = "deadline", Descending = false }),
                ($"q = applicant name ({sample!.Name.Length} chars)", new CaseFilter { Q = sample.Name }),
                ("q = ID number", new CaseFilter { Q = sample.IdNumber ?? sample.Name }),
                ("q = phone", new CaseFilter { Q = sample.Phone ?? sample.Name }),
                ($"q = description words ({word})", new CaseFilter { Q = word }),
                ($"q = 2-character word ({word[..2]})", new CaseFilter { Q = word[..2] }),
                ("q = 编号 fragment", new CaseFilter { Q = demo[cases / 3].CaseNumber[^6..] }),
            };
            foreach (var (label, filter) in queries)
            {
                var first = await Search().PageAsync(filter, supervisor, Today, default);
                var times = new List<double>();
                for (var i = 0; i < 30; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await Search().PageAsync(filter, supervisor, Today, default);
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                times.Sort();
                output.WriteLine($"  {label,-45} total {first.Total,7:N0} | median {times[times.Count / 2],7:F1} ms | p95 {times[(int)(times.Count * 0.95)],7:F1} ms");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
