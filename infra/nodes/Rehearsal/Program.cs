// The two-node rehearsal (infra/nodes/rehearse.sh provisions PostgreSQL, RabbitMQ and nginx, then runs this).
// Two `casetracker serve` processes on one PostgreSQL and one RabbitMQ behind nginx, LitigationTracker behind the same
// proxy; writes spread over both nodes; node 1 killed with SIGKILL mid-load, then started again. Prints the figures and
// exits 1 when any of them that must be zero is not.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CaseTracker.Agencies;
using CaseTracker.Composition;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Users;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

var settings = Settings.FromEnvironment();
Directory.CreateDirectory(settings.WorkDir);
var clock = Stopwatch.StartNew();
void Say(string text) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {text}");

// 1. The store, its agencies and accounts, as an operator would set them up.
const string District = "演练区人民政府";
const string Department = "演练区教育局";
const string Password = "rehearsal-password-1";
var store = $"postgres:{settings.Postgres}";
var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddStore(store);
builder.Services.AddCaseTracker(builder.Configuration);
using var admin = builder.Build();
await admin.Services.OpenCaseTrackerAsync(default);
await admin.Services.GetRequiredService<AgencyDirectory>().SaveAsync([new Agency(District, null), new Agency(Department, District)], "rehearsal", default);
var users = admin.Services.GetRequiredService<UserDirectory>();
await users.CreateAsync("clerk", Role.Caseworker, Department, Password, "rehearsal", default);
await users.CreateAsync("legal", Role.LegalOfficer, District, Password, "rehearsal", default);
Say("store migrated; agencies and accounts created");

// 2. The processes.
int[] ports = [FreePort(), FreePort(), FreePort(), FreePort()];
var (node1Port, node2Port, litigationPort, proxyPort) = (ports[0], ports[1], ports[2], ports[3]);
var proxy = new Uri($"http://127.0.0.1:{proxyPort}/");
var processes = new List<Process>();
Process StartNode(int n, int port) => Start($"node{n}", settings.CaseTrackerDll,
    ["serve", "--urls", $"http://127.0.0.1:{port}", "--store", store], new() { ["CASETRACKER_RABBITMQ"] = settings.Broker.ToString() });
var node1 = StartNode(1, node1Port);
var node2 = StartNode(2, node2Port);
var litigation = Start("litigation", settings.LitigationDll, ["--urls", $"http://127.0.0.1:{litigationPort}"], new()
{
    ["LITIGATION_DB"] = Path.Combine(settings.WorkDir, "litigation.db"),
    ["LITIGATION_RABBITMQ"] = settings.Broker.ToString(),
    ["LITIGATION_CASETRACKER_URL"] = proxy.ToString(),
    ["Logging__LogLevel__Default"] = "Warning",
});
var nginxDir = Path.Combine(settings.WorkDir, "nginx");
Directory.CreateDirectory(Path.Combine(nginxDir, "tmp"));
var snippet = (await File.ReadAllTextAsync(settings.ProxyTemplate))
    .Replace("${CASETRACKER_NODE_1}", $"127.0.0.1:{node1Port}", StringComparison.Ordinal)
    .Replace("${CASETRACKER_NODE_2}", $"127.0.0.1:{node2Port}", StringComparison.Ordinal)
    .Replace("${LITIGATION_NODE}", $"127.0.0.1:{litigationPort}", StringComparison.Ordinal)
    .Replace("${PROXY_LISTEN}", $"127.0.0.1:{proxyPort}", StringComparison.Ordinal);
await File.WriteAllTextAsync(Path.Combine(nginxDir, "proxy.conf"), snippet);
await File.WriteAllTextAsync(Path.Combine(nginxDir, "nginx.conf"), $$"""
    daemon off;
    worker_processes 1;
    pid {{nginxDir}}/nginx.pid;
    error_log {{nginxDir}}/error.log warn;
    events { worker_connections 1024; }
    http {
        log_format upstream '$upstream_addr $status $request_method $uri';
        access_log {{nginxDir}}/access.log upstream;
        client_body_temp_path {{nginxDir}}/tmp/body;
        proxy_temp_path {{nginxDir}}/tmp/proxy;
        fastcgi_temp_path {{nginxDir}}/tmp/fastcgi;
        uwsgi_temp_path {{nginxDir}}/tmp/uwsgi;
        scgi_temp_path {{nginxDir}}/tmp/scgi;
        include {{nginxDir}}/proxy.conf;
    }
    """);
Start("nginx", settings.Nginx, ["-e", Path.Combine(nginxDir, "error.log"), "-p", nginxDir, "-c", Path.Combine(nginxDir, "nginx.conf")], [], dotnet: false);

try
{
    using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    await WaitHealthyAsync(probe, new Uri($"http://127.0.0.1:{node1Port}/health"), TimeSpan.FromSeconds(120));
    await WaitHealthyAsync(probe, new Uri($"http://127.0.0.1:{node2Port}/health"), TimeSpan.FromSeconds(120));
    await WaitHealthyAsync(probe, new Uri($"http://127.0.0.1:{litigationPort}/health"), TimeSpan.FromSeconds(120));
    await WaitHealthyAsync(probe, new Uri(proxy, "health"), TimeSpan.FromSeconds(30));
    Say($"two CaseTracker nodes (:{node1Port}, :{node2Port}), LitigationTracker (:{litigationPort}) and nginx (:{proxyPort}) answer");

    // 3. A bystander on the bus: counts every publish of every integration message, by message id.
    var published = new ConcurrentDictionary<Guid, int>();
    var observer = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
    {
        rabbit.Host(settings.Broker);
        rabbit.ReceiveEndpoint("rehearsal-observer", e =>
        {
            e.Handler<CaseDecidedV1>(c => Count(c.Message.MessageId));
            e.Handler<ReconsiderationFiledV1>(c => Count(c.Message.MessageId));
            e.Handler<ReconsiderationConcludedV1>(c => Count(c.Message.MessageId));
        });
    });
    Task Count(Guid id)
    {
        published.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    await observer.StartAsync();

    // 4. The load: caseworkers receive and answer cases through the proxy; legal staff file and conclude a
    // reconsideration on every second answered case, through the same proxy, at /litigation/.
    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var acked = new Acknowledged();
    var failures = new ConcurrentBag<(TimeSpan At, string What)>();
    var appealQueue = new BlockingCollection<Guid>();
    using var clerk = Client(proxy, "clerk");
    using var legal = Client(proxy, "legal");
    var loadClock = Stopwatch.StartNew();
    var duration = TimeSpan.FromSeconds(settings.Seconds);
    using var stop = new CancellationTokenSource(duration);
    var sequence = 0;

    async Task CaseworkerAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var number = $"演练〔2026〕{Interlocked.Increment(ref sequence):00000}号-{Guid.NewGuid().ToString("N")[..6]}";
            var received = await TryAsync("receive", () => clerk.PostAsJsonAsync("/api/cases", new Dictionary<string, object?>
            {
                ["caseNumber"] = number,
                ["agency"] = Department,
                ["on"] = today,
                ["channel"] = "Online",
                ["applicantType"] = "自然人",
                ["name"] = "张三",
                ["idNumber"] = "110101199001011234",
                ["phone"] = "13800000000",
                ["address"] = "演练路 1 号",
                ["description"] = "演练用申请",
                ["requestedForm"] = "电子邮件",
            }));
            if (received is not { StatusCode: HttpStatusCode.Created })
            {
                acked.UnacknowledgedReceipts.Add(number);
                continue;
            }

            var body = await received.Content.ReadFromJsonAsync<JsonElement>();
            var id = body.GetProperty("caseId").GetGuid();
            acked.Received[id] = number;
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/milestones/answer")
            {
                Content = JsonContent.Create(new { on = today, outcome = "DisclosedProvided" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", received.Headers.ETag!.Tag);
            if (await TryAsync("answer", () => clerk.SendAsync(request)) is { StatusCode: HttpStatusCode.OK })
            {
                acked.Answered[id] = true;
                if (id.GetHashCode() % 2 == 0)
                {
                    appealQueue.Add(id);
                }
            }
        }
    }

    async Task LegalAsync()
    {
        foreach (var id in appealQueue.GetConsumingEnumerable())
        {
            // The case reaches LitigationTracker over the bus (CaseTracker's outbox); wait for it.
            var known = Stopwatch.StartNew();
            while (known.Elapsed < TimeSpan.FromSeconds(90)
                && await TryAsync(null, () => legal.GetAsync($"/litigation/cases/{id}/appeals")) is not { StatusCode: HttpStatusCode.OK })
            {
                await Task.Delay(250);
            }

            var appealId = $"演练复〔2026〕{id.ToString("N")[..8]}号";
            if (await TryAsync("file appeal", () => legal.PostAsJsonAsync("/litigation/appeals",
                    new { caseId = id, kind = "reconsideration", appealId, filedOn = today, body = District })) is { StatusCode: HttpStatusCode.Created })
            {
                acked.Filed[id] = appealId;
                if (await TryAsync("conclude appeal", () => legal.PostAsJsonAsync("/litigation/appeals/conclusions",
                        new { caseId = id, appealId, concludedOn = today, result = "维持" })) is { StatusCode: HttpStatusCode.OK })
                {
                    acked.Concluded[id] = appealId;
                }
            }
        }
    }

    async Task<HttpResponseMessage?> TryAsync(string? what, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            var response = await send();
            if (!response.IsSuccessStatusCode && what is not null)
            {
                failures.Add((loadClock.Elapsed, $"{what}: {(int)response.StatusCode}"));
            }

            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            if (what is not null)
            {
                failures.Add((loadClock.Elapsed, $"{what}: {e.GetType().Name}"));
            }

            return null;
        }
    }

    var caseworkers = Enumerable.Range(0, settings.Workers).Select(_ => Task.Run(CaseworkerAsync)).ToArray();
    var legalStaff = Enumerable.Range(0, 2).Select(_ => Task.Run(LegalAsync)).ToArray();

    // 5. Node 1 dies without warning a third of the way in, and is started again at two thirds.
    await Task.Delay(duration / 3);
    var killedAt = loadClock.Elapsed;
    node1.Kill();
    Say($"node 1 killed (SIGKILL) after {killedAt.TotalSeconds:0.0}s of load; {acked.Received.Count} cases acknowledged so far");
    await Task.Delay(duration / 3);
    var restartedAt = loadClock.Elapsed;
    node1 = StartNode(1, node1Port);
    var backAfter = await WaitHealthyAsync(probe, new Uri($"http://127.0.0.1:{node1Port}/health"), TimeSpan.FromSeconds(120));
    Say($"node 1 started again; healthy after {backAfter.TotalSeconds:0.0}s");
    await Task.WhenAll(caseworkers);
    appealQueue.CompleteAdding();
    await Task.WhenAll(legalStaff);
    var loadEnded = loadClock.Elapsed;
    Say($"load over: {acked.Received.Count} cases received, {acked.Answered.Count} answered, {acked.Filed.Count} reconsiderations filed, "
        + $"{acked.Concluded.Count} concluded; {failures.Count} requests failed");

    // 6. Everything acknowledged must arrive everywhere: wait for it (or 120 s), then count what did not.
    var eventStore = admin.Services.GetRequiredService<IEventStore>();
    var readModels = admin.Services.GetRequiredService<ReadModelSet>();
    var litigationDb = new SqliteConnectionStringBuilder { DataSource = Path.Combine(settings.WorkDir, "litigation.db"), Mode = SqliteOpenMode.ReadOnly }.ToString();
    Figures figures = default!;
    var settle = Stopwatch.StartNew();
    do
    {
        figures = await MeasureAsync();
        if (figures.Converged)
        {
            break;
        }

        await Task.Delay(1000);
    }
    while (settle.Elapsed < TimeSpan.FromSeconds(120));
    var convergedAfter = settle.Elapsed;

    async Task<Figures> MeasureAsync()
    {
        var lostWrites = 0;
        var missingOnStream = 0;
        var twiceOnStream = 0;
        var projectionMismatches = 0;
        foreach (var (id, _) in acked.Received)
        {
            var stream = await eventStore.ReadStreamAsync(CaseStreams.For(id));
            if (stream.Count == 0 || (acked.Answered.ContainsKey(id) && !stream.Any(e => e.Event is CaseEvent.Decided)))
            {
                lostWrites++;
            }

            var filed = stream.Count(e => e.Event is CaseEvent.ReconsiderationFiled);
            var concluded = stream.Count(e => e.Event is CaseEvent.ReconsiderationConcluded);
            missingOnStream += (acked.Filed.ContainsKey(id) && filed == 0 ? 1 : 0) + (acked.Concluded.ContainsKey(id) && concluded == 0 ? 1 : 0);
            twiceOnStream += Math.Max(0, filed - 1) + Math.Max(0, concluded - 1);
        }

        await using (var pg = new NpgsqlConnection(settings.Postgres))
        {
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT r.case_id, r.last_version, r.reconsiderations, r.reconsiderations_open, s.version FROM case_read_model r JOIN streams s ON s.stream_id = r.stream_id",
                pg);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                var id = reader.GetGuid(0);
                var filed = acked.Filed.ContainsKey(id) ? 1 : 0;
                var open = filed - (acked.Concluded.ContainsKey(id) ? 1 : 0);
                if (reader.GetInt64(1) != Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)
                    || (acked.Received.ContainsKey(id) && (reader.GetInt32(2) != filed || reader.GetInt32(3) != open)))
                {
                    projectionMismatches++;
                }
            }

            projectionMismatches += Math.Max(0, acked.Received.Count - rows);
        }

        var inLitigation = new HashSet<Guid>();
        var litigationAppeals = new Dictionary<Guid, int>();
        await using (var sqlite = new SqliteConnection(litigationDb))
        {
            await sqlite.OpenAsync();
            await using (var command = new SqliteCommand("SELECT case_id FROM cases", sqlite))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    inLitigation.Add(Guid.Parse(reader.GetString(0)));
                }
            }
        }

        var decidedLost = acked.Answered.Keys.Count(id => !inLitigation.Contains(id));
        var lag = (await readModels.StatusAsync(default)).Sum(s => s.Lag);
        var publishedTwice = published.Values.Count(n => n > 1);
        return new Figures(lostWrites, projectionMismatches, decidedLost + missingOnStream, twiceOnStream, publishedTwice, lag);
    }

    await observer.StopAsync();
    var lines = File.ReadAllLines(Path.Combine(nginxDir, "access.log"))
        .Where(l => l.Contains("/api/cases", StringComparison.Ordinal) && l.Contains(" POST ", StringComparison.Ordinal)).ToList();
    int Served(int port) => lines.Count(l => l.Split(' ')[0].Split(',').Last().Trim().EndsWith($":{port}", StringComparison.Ordinal));
    var failed = failures.OrderBy(f => f.At).ToList();
    var outage = failed.Count == 0 ? TimeSpan.Zero : failed[^1].At - killedAt;
    var report = new StringBuilder()
        .AppendLine("== two-node rehearsal: figures ==")
        .AppendLine(CultureInfo.InvariantCulture, $"load: {settings.Seconds}s, {settings.Workers} caseworkers + 2 legal staff through nginx; node 1 SIGKILLed at {killedAt.TotalSeconds:0.0}s, restarted at {restartedAt.TotalSeconds:0.0}s")
        .AppendLine(CultureInfo.InvariantCulture, $"acknowledged: {acked.Received.Count} cases received, {acked.Answered.Count} answered, {acked.Filed.Count} reconsiderations filed, {acked.Concluded.Count} concluded")
        .AppendLine(CultureInfo.InvariantCulture, $"POST /api/cases… served by node 1: {Served(node1Port)}, node 2: {Served(node2Port)}")
        .AppendLine(CultureInfo.InvariantCulture, $"requests answered with an error or no answer: {failed.Count} ({string.Join(", ", failed.GroupBy(f => f.What).Select(g => $"{g.Key} ×{g.Count()}"))})")
        .AppendLine(CultureInfo.InvariantCulture, $"writes sent but not acknowledged (receipts): {acked.UnacknowledgedReceipts.Count}")
        .AppendLine(CultureInfo.InvariantCulture, $"acknowledged writes lost: {figures.LostWrites}")
        .AppendLine(CultureInfo.InvariantCulture, $"projections applied twice (read model ≠ stream): {figures.ProjectionMismatches}")
        .AppendLine(CultureInfo.InvariantCulture, $"integration messages lost: {figures.MessagesLost}")
        .AppendLine(CultureInfo.InvariantCulture, $"integration messages handled twice: {figures.HandledTwice}")
        .AppendLine(CultureInfo.InvariantCulture, $"integration messages published more than once (consumers drop the repeats): {figures.PublishedTwice}")
        .AppendLine(CultureInfo.InvariantCulture, $"recovery: last failed request {outage.TotalSeconds:0.0}s after the kill; node 1 healthy {backAfter.TotalSeconds:0.0}s after its restart; "
            + $"everything acknowledged arrived everywhere {convergedAfter.TotalSeconds:0.0}s after the load ended (projection lag {figures.ProjectionLag})")
        .ToString();
    Console.Write(report);
    await File.WriteAllTextAsync(Path.Combine(settings.WorkDir, "figures.txt"), report);
    _ = loadEnded;
    return figures is { LostWrites: 0, ProjectionMismatches: 0, MessagesLost: 0, HandledTwice: 0 } ? 0 : 1;
}
finally
{
    foreach (var process in processes.Where(p => !p.HasExited))
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}

Process Start(string name, string file, string[] args, Dictionary<string, string> env, bool dotnet = true)
{
    var start = new ProcessStartInfo(dotnet ? "dotnet" : file)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = settings.WorkDir,
    };
    if (dotnet)
    {
        start.ArgumentList.Add(file);
    }

    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    foreach (var (key, value) in env)
    {
        start.Environment[key] = value;
    }

    var process = Process.Start(start)!;
    var log = new StreamWriter(Path.Combine(settings.WorkDir, $"{name}.log"), append: true) { AutoFlush = true };
    process.OutputDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            lock (log)
            {
                log.WriteLine(e.Data);
            }
        }
    };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            lock (log)
            {
                log.WriteLine(e.Data);
            }
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    processes.Add(process);
    return process;
}

static async Task<TimeSpan> WaitHealthyAsync(HttpClient http, Uri health, TimeSpan timeout)
{
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < timeout)
    {
        try
        {
            if ((await http.GetAsync(health)).StatusCode == HttpStatusCode.OK)
            {
                return waited.Elapsed;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException($"{health} did not answer 200 within {timeout.TotalSeconds}s");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static HttpClient Client(Uri proxy, string user) => new()
{
    BaseAddress = proxy,
    Timeout = TimeSpan.FromSeconds(30),
    DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:rehearsal-password-1"))) },
};

internal sealed class Acknowledged
{
    public ConcurrentDictionary<Guid, string> Received { get; } = new();

    public ConcurrentDictionary<Guid, bool> Answered { get; } = new();

    public ConcurrentDictionary<Guid, string> Filed { get; } = new();

    public ConcurrentDictionary<Guid, string> Concluded { get; } = new();

    public ConcurrentBag<string> UnacknowledgedReceipts { get; } = [];
}

internal sealed record Figures(int LostWrites, int ProjectionMismatches, int MessagesLost, int HandledTwice, int PublishedTwice, long ProjectionLag)
{
    public bool Converged => LostWrites == 0 && ProjectionMismatches == 0 && MessagesLost == 0 && ProjectionLag == 0;
}

internal sealed record Settings(string Postgres, Uri Broker, string CaseTrackerDll, string LitigationDll, string Nginx, string ProxyTemplate, string WorkDir, int Seconds, int Workers)
{
    public static Settings FromEnvironment() => new(
        Required("REHEARSAL_POSTGRES"),
        new Uri(Required("REHEARSAL_RABBITMQ")),
        Required("REHEARSAL_CASETRACKER_DLL"),
        Required("REHEARSAL_LITIGATION_DLL"),
        Environment.GetEnvironmentVariable("REHEARSAL_NGINX") ?? "/usr/sbin/nginx",
        Required("REHEARSAL_PROXY_TEMPLATE"),
        Required("REHEARSAL_DIR"),
        int.TryParse(Environment.GetEnvironmentVariable("REHEARSAL_SECONDS"), out var s) ? s : 45,
        int.TryParse(Environment.GetEnvironmentVariable("REHEARSAL_WORKERS"), out var w) ? w : 6);

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set (run infra/nodes/rehearse.sh)");
}
