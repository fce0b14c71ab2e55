using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseTracker.Web.Tests;

/// <summary>`casetracker serve` as a child process: what it prints on first start, and that a restart keeps the users.</summary>
public sealed partial class ServeProcessTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casetracker-serve-" + Guid.NewGuid().ToString("N"));

    public ServeProcessTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task First_start_writes_the_admin_password_to_a_file_only_the_operator_reads_forces_a_change_and_a_restart_keeps_users_and_sessions_without_logging_personal_data()
    {
        var store = $"sqlite:{Path.Combine(_directory, "serve.db")}";
        var password = "operator-chosen-password";
        string cookie;
        var cookies = new System.Net.CookieContainer();
        using (var first = Serve("serve", "--urls", "http://127.0.0.1:0", "--store", store))
        {
            var started = await first.WaitForAsync("首次登录须修改此密码");
            var url = UrlLine().Match(started).Groups[1].Value;
            var file = Path.Combine(_directory, "casetracker-admin-password.txt");
            Assert.Contains($"初始密码在文件：{file}", started);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            var initial = (await File.ReadAllTextAsync(file)).Trim();
            Assert.Equal(16, initial.Length);
            Assert.DoesNotContain(initial, first.Output);
            Assert.Contains("用户名：admin", started);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var health = await http.GetFromJsonAsync<JsonElement>("/health");
            Assert.Equal("ok", health.GetProperty("status").GetString());
            http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{initial}")));
            var beforeChange = await http.GetAsync("/api/dashboard");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, beforeChange.StatusCode);
            Assert.Contains("须先修改密码", await beforeChange.Content.ReadAsStringAsync());

            using var browser = new FormClient(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) });
            var signIn = await browser.SignInAsync("admin", initial);
            Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);
            var elsewhere = await browser.Http.GetAsync("/admin");
            Assert.Equal("/account/password", elsewhere.Headers.Location!.OriginalString);
            var changed = await browser.SubmitAsync("/account/password", "/account/password",
                new() { ["current"] = initial, ["password"] = password, ["confirm"] = password });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/api/dashboard")).StatusCode);
            http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}")));
            Assert.True((await http.GetAsync("/api/dashboard")).IsSuccessStatusCode);
            Assert.DoesNotContain(password, first.Output.Split('\n').Where(l => l.StartsWith('{')).Aggregate("", string.Concat));

            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.SubmitAsync("/admin", "/admin/agencies", new() { ["name"] = "隐私测试局" })).StatusCode);
            cookie = cookies.GetCookieHeader(new Uri(url));
            var intake = ApiHelpers.Intake("隐私测试局");
            intake["name"] = "隐私测试人甲";
            intake["idNumber"] = "PD-ID-31415926";
            Assert.Equal(System.Net.HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/cases", intake)).StatusCode);
            intake["on"] = "不是日期";
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/cases", intake)).StatusCode);
            await Task.Delay(500);
            Assert.DoesNotContain("隐私测试人甲", first.Output);
            Assert.DoesNotContain("PD-ID-31415926", first.Output);
        }

        using var second = Serve("serve", "--urls", "http://127.0.0.1:0", "--store", store);
        var restarted = await second.WaitForAsync("CaseTracker 已启动");
        var again = UrlLine().Match(restarted).Groups[1].Value;
        Assert.DoesNotContain("初始密码", restarted);
        using var client = new HttpClient { BaseAddress = new Uri(again) };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}")));
        Assert.True((await client.GetAsync("/api/dashboard")).IsSuccessStatusCode);

        using var returning = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(again) };
        returning.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await returning.GetAsync("/admin");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("隐私测试局", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_store_is_refused_in_Chinese_with_exit_status_2()
    {
        using var serve = Serve("serve", "--urls", "http://127.0.0.1:0", "--store", "mysql:nowhere");
        Assert.True(serve.Process.WaitForExit(60_000));
        Assert.Equal(2, serve.Process.ExitCode);
        Assert.Contains("--store 的值“mysql:nowhere”无效", await serve.Process.StandardError.ReadToEndAsync());
    }

    [Fact]
    public async Task A_bad_listening_address_is_refused_in_Chinese_with_exit_status_2()
    {
        using var serve = Serve("serve", "--urls", "notaurl", "--store", $"sqlite:{Path.Combine(_directory, "urls.db")}");
        Assert.True(serve.Process.WaitForExit(60_000));
        Assert.Equal(2, serve.Process.ExitCode);
        Assert.Contains("--urls 的值“notaurl”无效", await serve.Process.StandardError.ReadToEndAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ChildHost Serve(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Binary());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CASETRACKER_STORE");
        return new ChildHost(Process.Start(start)!);
    }

    /// <summary>The host's own build output (same configuration as this test assembly).</summary>
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

    private sealed class ChildHost : IDisposable
    {
        private readonly StringBuilder _output = new();

        public ChildHost(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) =>
            {
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<string> WaitForAsync(string text)
        {
            for (var i = 0; i < 600 && !Output.Contains(text, StringComparison.Ordinal); i++)
            {
                Assert.False(Process.HasExited, "serve exited early: " + Output);
                await Task.Delay(100);
            }

            Assert.Contains(text, Output);
            return Output;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }

            Process.Dispose();
        }
    }
}
