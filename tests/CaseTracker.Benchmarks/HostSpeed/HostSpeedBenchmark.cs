using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Users;
using CaseTracker.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Benchmarks.HostSpeed;

/// <summary>
/// The host at the scale of a province (issue 14): N open cases (default 100,000, received over the last 60 days so the
/// dashboard has overdue, due-soon and supplement lists), the real host on loopback, and an open-loop load generator
/// (requests started on a fixed schedule whatever the answers, latency measured from the scheduled start, so a slow
/// answer cannot hide the queue behind it). Prints p50/p95/p99 beside the target, then the export's time.
/// </summary>
public static class HostSpeedBenchmark
{
    private const string Password = "bench-password-123";
    private const double Rate = 50;
    private const int Requests = 300;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Comma-separated parts of the rows' labels to measure (e.g. <c>page=100,milestone,export</c>); unset: every row.</summary>
    public const string OnlyVariable = "CASETRACKER_BENCH_ONLY";

    /// <summary>A PostgreSQL server to keep the seeded database on between runs (<c>bash infra/postgres/start-ephemeral.sh</c> prints one).</summary>
    public const string ServerVariable = "CASETRACKER_BENCH_POSTGRES";

    /// <summary>Set to <c>workstation</c> to measure the host under this process's own GC instead of the product's.</summary>
    public const string GcVariable = "CASETRACKER_BENCH_GC";

    /// <summary>
    /// The casetracker executable (Microsoft.NET.Sdk.Web) runs the server GC; this benchmark's process (a console
    /// project) the workstation GC, which collected gen0 about 200 times per export against 35 and paused it 2.4-2.8 s
    /// against 1.4-2.1 s (issue 14, host7). So the host is measured in a child process with the product's GC: the exit
    /// code of that child, or null when this process already has it (or <see cref="GcVariable"/> asks for the workstation GC).
    /// </summary>
    public static async Task<int?> InTheProductsGcAsync(string[] args)
    {
        if (System.Runtime.GCSettings.IsServerGC || Environment.GetEnvironmentVariable("DOTNET_gcServer") is not null
            || string.Equals(Environment.GetEnvironmentVariable(GcVariable), "workstation", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HostSpeedBenchmark).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <param name="keep">A folder that keeps the seeded store between runs (before/after on the same data; seeding 100,000
    /// cases takes minutes on a loaded machine); null: a temporary one. PostgreSQL is kept only on the server named by
    /// <see cref="ServerVariable"/>; without it a throwaway server is seeded afresh each run.</param>
    public static async Task RunAsync(string adapter, int cases, TextWriter output, string? keep = null)
    {
        var server = adapter == "postgres" ? Environment.GetEnvironmentVariable(ServerVariable) : null;
        var kept = keep is not null && (adapter != "postgres" || !string.IsNullOrWhiteSpace(server));
        var folder = kept ? Directory.CreateDirectory(keep!) : Directory.CreateTempSubdirectory("casetracker-host-bench-");
        await using var postgres = adapter == "postgres" && !kept ? await CaseTracker.Testing.EphemeralPostgres.StartAsync(durable: true) : null;
        try
        {
            var storeText = adapter != "postgres" ? $"sqlite:{Path.Combine(folder.FullName, "store.db")}"
                : postgres is null ? $"postgres:{await DatabaseAsync(server!, $"bench_{cases}")}" : $"postgres:{postgres.ConnectionString}";
            var today = TimeProvider.System.Today();
            var idsFile = Path.Combine(folder.FullName, "ids.txt");
            List<Guid> ids;
            if (File.Exists(idsFile))
            {
                // The cases a milestone has not touched yet: each run takes the next ones.
                var used = File.Exists(idsFile + ".used") ? int.Parse(await File.ReadAllTextAsync(idsFile + ".used"), CultureInfo.InvariantCulture) : 0;
                ids = (await File.ReadAllLinesAsync(idsFile)).Skip(used).Select(Guid.Parse).ToList();
                await File.WriteAllTextAsync(idsFile + ".used", (used + (2 * Requests) + 10).ToString(CultureInfo.InvariantCulture));
                output.WriteLine($"reusing the store in {folder.FullName}");
            }
            else
            {
                ids = await SeedAsync(StoreLocation.Parse(storeText)!, cases, today, output);
                await File.WriteAllLinesAsync(idsFile, ids.Select(i => i.ToString()));
                // As many as a reusing run takes: a row measured alone (CASETRACKER_BENCH_ONLY) runs its load twice.
                await File.WriteAllTextAsync(idsFile + ".used", ((2 * Requests) + 10).ToString(CultureInfo.InvariantCulture));
            }

            var passwordFile = Path.Combine(folder.FullName, "admin.txt");
            var started = Stopwatch.GetTimestamp();
            await using var host = await WebHost.StartAsync(
                new ServeOptions("http://127.0.0.1:0", storeText, Settings: new Dictionary<string, string?> { [FirstRun.PasswordFileKey] = passwordFile }),
                TextWriter.Null, CancellationToken.None);
            output.WriteLine($"host started in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s at {host.Address} "
                + $"({(System.Runtime.GCSettings.IsServerGC ? "server GC, as the casetracker executable" : "workstation GC: not the product's")})");
            // A store seeded outside the host has no record of the calendar its deadlines were computed with: the host
            // then refreshes every open case's deadline at start (reading 100,000 streams); measured after it, not during.
            var readModels = host.Services.GetRequiredService<ReadModelSet>();
            var hostDocuments = host.Services.GetRequiredService<DocumentStore>();
            while ((await hostDocuments.GetAsync<string>(ReadModelSet.ClockCollection, "case-list", default))?.Value != readModels.ClockFingerprint())
            {
                await Task.Delay(500);
            }

            output.WriteLine($"stored deadlines checked against the calendar {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s after the start");
            var users = host.Services.GetRequiredService<UserDirectory>();
            try
            {
                await users.CreateAsync("bench-sup", Role.Supervisor, DemoAgencies.District, Password, "benchmark", default);
            }
            catch (UserError) when (kept)
            {
                // A kept store has the account from the run that seeded it.
            }

            using var client = Client(host.Address, "bench-sup", Timeout);
            using var patient = Client(host.Address, "bench-sup", TimeSpan.FromMinutes(5));
            var district = Uri.EscapeDataString(DemoAgencies.District);

            var gets = new (string Label, string Path, double Target)[]
            {
                ("GET /api/dashboard", "/api/dashboard", 100),
                ("GET /dashboard (page)", "/dashboard", 100),
                ("GET /api/cases (first page)", "/api/cases", 100),
                ("GET /cases (page, first page)", "/cases", 100),
                ("GET /api/cases?status=open&sort=deadline", "/api/cases?status=open&sort=deadline&dir=asc", 100),
                ("GET /api/cases?page=100", "/api/cases?page=100", 100),
                ($"GET /api/cases?agency=…", $"/api/cases?agency={district}&status=open", 100),
            };
            output.WriteLine($"open loop at {Rate} requests/s, {Requests} requests each (latency from the scheduled start):");
            output.WriteLine($"  {"request",-44} {"load",5} {"p50",8} {"p95",8} {"p99",8} {"max",8}  target p99   fails  (median of 5 one at a time)");
            var only = Environment.GetEnvironmentVariable(OnlyVariable)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            bool Measured(string label) => only is null || only.Any(o => label.Contains(o, StringComparison.OrdinalIgnoreCase));
            foreach (var (label, path, target) in gets.Where(g => Measured(g.Label)))
            {
                await Task.Delay(1000);
                var warm = await WarmAsync(() => patient.GetAsync(path));
                if (only is not null)
                {
                    // Measured alone, a row gets the JIT's warm-up the rows before it would have given it (after one
                    // request signed in: the credential is then remembered, as it is for the rows measured together).
                    await OpenLoopAsync(_ => client.GetAsync(path), 0);
                    warm = await WarmAsync(() => patient.GetAsync(path));
                }

                var cpu = Cpu();
                var samples = await OpenLoopAsync(_ => client.GetAsync(path), warm);
                Print(output, label, samples, target, warm, cpu);
            }

            var command = adapter == "postgres" ? 30 : 20;
            var on = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var next = 0;
            Task<HttpResponseMessage> Milestone()
            {
                var id = ids[Interlocked.Increment(ref next)];
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/milestones/start-consultation")
                {
                    Content = new StringContent($"{{\"kind\":\"ThirdParty\",\"party\":\"第三方{next}\",\"on\":\"{on}\"}}", Encoding.UTF8, "application/json"),
                };
                request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
                return client.SendAsync(request);
            }

            if (Measured("POST milestone"))
            {
                var warmCommand = await WarmAsync(Milestone);
                if (only is not null)
                {
                    await OpenLoopAsync(_ => Milestone(), 0);
                    warmCommand = await WarmAsync(Milestone);
                }

                var commandCpu = Cpu();
                using var gate = new WriteGateSamples();
                var commands = await OpenLoopAsync(_ => Milestone(), warmCommand);
                Print(output, "POST milestone (start-consultation)", commands, command, warmCommand, commandCpu);
                gate.Print(output);
            }

            // Each format twice: the first export after the start also compiles its code (the JIT took 2-5 s of CPU of a
            // first export, host7), the second is what a running host spends on every later one.
            foreach (var (format, run) in new[] { ("csv", "first"), ("xlsx", "first"), ("csv", "again"), ("xlsx", "again") }.Where(f => Measured("export " + f.Item1)))
            {
                var exportCpu = Cpu();
                var (allocated, pause, gen0, gen1, gen2) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var jitted = System.Runtime.JitInfo.GetCompilationTime();
                var watch = Stopwatch.StartNew();
                using var response = await patient.GetAsync($"/dashboard/export?format={format}&agency={district}", HttpCompletionOption.ResponseHeadersRead);
                var first = watch.Elapsed;
                var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                output.WriteLine($"  export {format,-4} {run,-5} ({(int)response.StatusCode}, load {Load()}) {bytes / 1024.0 / 1024:F1} MB: first byte {first.TotalSeconds:F2} s, "
                    + $"whole {watch.Elapsed.TotalSeconds:F2} s (target ≤ 3 s), CPU {(Cpu() - exportCpu).TotalSeconds:F2} s; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
                // Load-independent figures beside the times: what the process allocated, how often and how long the GC
                // stopped it, and the time the JIT spent compiling during the export.
                output.WriteLine($"    allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / 1024:N0} MB; GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, "
                    + $"gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s; JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitted).TotalSeconds:F2} s");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!kept)
            {
                folder.Delete(recursive: true);
            }
        }
    }

    /// <summary>N open cases, each only its receipt, spread over the last 60 days; written in batches, then the read models.</summary>
    private static async Task<List<Guid>> SeedAsync(StoreLocation location, int cases, DateOnly today, TextWriter output)
    {
        await using var store = await location.OpenAsync(TimeProvider.System, CancellationToken.None);
        var documents = new DocumentStore(store, TimeProvider.System);
        await new AgencyDirectory(documents).SaveAsync(DemoAgencies.All.Select(a => new Agency(a.Name, a.Parent)).ToList(), "benchmark", default);
        var watch = Stopwatch.StartNew();
        var ids = new List<Guid>(cases);
        var index = 0;
        foreach (var chunk in new DemoCases(11, today, CasePolicy.Default).Generate(cases / 3, 4).Take(cases).Chunk(2000))
        {
            var appends = chunk.Select(c =>
            {
                var receive = (CaseCommand.Receive)c.Commands[0];
                receive = receive with { On = today.AddDays(-(index++ % 60)), CaseNumber = $"B{index:D7}-{receive.CaseNumber}" };
                var events = CaseDecider.DecideAll([receive], CaseState.Initial, CasePolicy.Default).Events;
                ids.Add(c.CaseId);
                return new StreamAppend(CaseStreams.For(c.CaseId), ExpectedVersion.NoStream,
                    events.Select(e => new NewEvent(Guid.NewGuid(), e, new EventMetadata("benchmark", Guid.NewGuid()))).ToList());
            }).ToList();
            await store.AppendManyAsync(appends);
        }

        var written = watch.Elapsed;
        await new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, documents)).CatchUpAsync(null, default);
        output.WriteLine($"seeded {ids.Count:N0} open cases in {written.TotalSeconds:F1} s, read models in {(watch.Elapsed - written).TotalSeconds:F1} s");
        Shuffle(ids);
        return ids;
    }

    /// <summary>The machine's load average over the last minute (other builds inflate every figure: reported beside each).</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>A database named <paramref name="name"/> on the server (created when missing); its connection string.</summary>
    private static async Task<string> DatabaseAsync(string server, string name)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection) { Parameters = { new("n", name) } };
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static void Shuffle(List<Guid> ids)
    {
        var random = new Random(7);
        for (var i = ids.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
    }

    private static HttpClient Client(Uri address, string user, TimeSpan timeout) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = address,
        Timeout = timeout,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}"))) },
    };

    /// <summary>Five requests one after another; returns their median (ms), for <see cref="OpenLoopAsync"/> to size its run.</summary>
    private static async Task<double> WarmAsync(Func<Task<HttpResponseMessage>> send)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return times.Order().ElementAt(2);
    }

    private sealed record Sample(double Milliseconds, bool Ok);

    /// <summary>
    /// Starts request i at i/rate seconds whatever the earlier ones do; stops starting after 1.5× the planned time (the
    /// requests not started count as failed at the time-out); a request not answered within the time-out fails at it.
    /// </summary>
    /// <remarks>
    /// An endpoint whose answer alone takes longer than 2 cores can serve at the rate (median × rate > 2 s per second)
    /// cannot keep up at all: it gets one second of load (50 requests) instead of six, so that its backlog does not run
    /// for minutes into the next measurement; its percentiles are then those of a growing queue.
    /// </remarks>
    private static async Task<List<Sample>> OpenLoopAsync(Func<int, Task<HttpResponseMessage>> send, double warmMedian)
    {
        var requests = warmMedian * Rate > 2000 ? (int)Rate : Requests;
        var start = Stopwatch.GetTimestamp();
        var planned = TimeSpan.FromSeconds(requests / Rate);
        var running = new List<Task<Sample>>();
        for (var i = 0; i < requests; i++)
        {
            var due = TimeSpan.FromSeconds(i / Rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (Stopwatch.GetElapsedTime(start) > planned * 1.5)
            {
                running.AddRange(Enumerable.Range(i, requests - i).Select(_ => Task.FromResult(new Sample(Timeout.TotalMilliseconds, false))));
                break;
            }

            var n = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await send(n).WaitAsync(Timeout);
                    await response.Content.ReadAsByteArrayAsync();
                    return new Sample((Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds, response.IsSuccessStatusCode);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
                {
                    return new Sample(Math.Min(Timeout.TotalMilliseconds, (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds), false);
                }
            }));
        }

        return [.. await Task.WhenAll(running)];
    }

    /// <summary>This process's CPU time so far (the host, its background work and the load generator).</summary>
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <param name="cpu">The process's CPU time when the run started: CPU per request is printed beside the latencies, a
    /// figure a loaded machine inflates far less than the latencies (they include the wait for a core).</param>
    private static void Print(TextWriter output, string label, List<Sample> samples, double target, double warm, TimeSpan cpu)
    {
        var perRequest = (Cpu() - cpu).TotalMilliseconds / samples.Count;
        var times = samples.Select(s => s.Milliseconds).Order().ToList();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var p99 = At(0.99);
        output.WriteLine($"  {label,-44} {Load(),5} {At(0.5),8:F1} {At(0.95),8:F1} {p99,8:F1} {times[^1],8:F1}  ≤ {target,4:F0} ms {(p99 <= target ? "met " : "MISS")} {samples.Count(s => !s.Ok),3}/{samples.Count}  (alone: {warm:F0} ms; CPU {perRequest:F1} ms/request)");
    }
}
