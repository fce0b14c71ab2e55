using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseTracker.Cli;
using CaseTracker.Testing;

namespace CaseTracker.Web.Tests.Postgres;

/// <summary>
/// Issue 16 finding 8: `casetracker serve` (a child process) on a real PostgreSQL that is stopped under it. Every request
/// answers 503 with Retry-After while it is down, the log gets one line for the outage (no stack traces), and the host
/// answers again once PostgreSQL is back.
/// </summary>
public sealed partial class StoreOutageTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("casetracker-outage-").FullName;
    private EphemeralPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await EphemeralPostgres.StartAsync(durable: false);

    [Fact]
    public async Task Stopping_PostgreSQL_answers_503_with_Retry_After_logs_one_line_per_outage_and_the_host_recovers()
    {
        var store = "postgres:" + _postgres.ConnectionString;
        var passwordFile = Path.Combine(_directory, "pw");
        await File.WriteAllTextAsync(passwordFile, "outage-password-1\n");
        var add = await CliApp.Build().Parse(["users", "add", "aud", "--role", "auditor", "--password-file", passwordFile, "--store", store])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
        Assert.Equal(0, add);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Binary(), "serve", "--urls", "http://127.0.0.1:0", "--store", store })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CASETRACKER_ADMIN_PASSWORD_FILE"] = Path.Combine(_directory, "admin-password");
        start.Environment["CASETRACKER_KEY_FILE"] = Path.Combine(_directory, "keys.key");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            string Output()
            {
                lock (output)
                {
                    return output.ToString();
                }
            }

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!UrlLine().IsMatch(Output()))
            {
                Assert.True(DateTime.UtcNow < deadline && !process.HasExited, "serve did not start: " + Output());
                await Task.Delay(100);
            }

            using var api = new HttpClient { BaseAddress = new Uri(UrlLine().Match(Output()).Groups[1].Value) };
            api.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("aud:outage-password-1")));
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/cases")).StatusCode);
            await Task.Delay(500);

            var before = Output().Length;
            await _postgres.StopAsync();
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 40; i++)
            {
                answers.Add(await api.GetAsync(i % 3 == 0 ? "/dashboard" : i % 3 == 1 ? "/api/cases" : "/api/dashboard"));
            }

            await Task.Delay(TimeSpan.FromSeconds(6)); // the projection worker retries (every 5 s) in this time too
            Assert.All(answers, a =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(5), a.Headers.RetryAfter!.Delta);
            });
            Assert.Contains("数据库暂时无法访问", await answers[1].Content.ReadAsStringAsync());
            Assert.Contains("数据库暂时无法访问", await answers[0].Content.ReadAsStringAsync());
            var logged = Output()[before..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(logged.Count(l => l.Contains("Store unavailable", StringComparison.Ordinal)) == 1, "log lines during the outage: " + string.Join("\n", logged));
            Assert.DoesNotContain(logged, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("\\n   at ", StringComparison.Ordinal));
            Assert.True(logged.Length <= 2, "log lines during the outage: " + string.Join("\n", logged));

            await _postgres.StartAgainAsync();
            var back = Stopwatch.StartNew();
            while ((await api.GetAsync("/api/cases")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), "the host did not recover within 30 s");
                await Task.Delay(200);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _postgres.DisposeAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped (the test failed while PostgreSQL was down)
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string Binary()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name;
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "services")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "services", "CaseTracker", "bin", configuration, "net10.0", "casetracker.dll");
    }

    [GeneratedRegex("CaseTracker 已启动：(\\S+)")]
    private static partial Regex UrlLine();
}
