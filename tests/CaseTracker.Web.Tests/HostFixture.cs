using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Testing;
using CaseTracker.Users;
using CaseTracker.Web.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Web.Tests;

/// <summary>
/// The real `serve` pipeline on real Kestrel (a free loopback port) over a temporary SQLite file, with a small agency
/// tree and one account per role, on the test clock (<see cref="TestClock"/>: a fixed business date). <see cref="Postgres.PostgresHostFixture"/> is the same over a PostgreSQL database.
/// </summary>
public partial class HostFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";
    public const string District = "测试区人民政府";
    public const string Education = "测试区教育局";
    public const string HealthCommission = "测试区卫生健康委员会";
    public const string School = "测试区第一中学";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casetracker-web-" + Guid.NewGuid().ToString("N"));

    public CaseTrackerHost Host { get; private set; } = null!;

    public string StartupOutput { get; private set; } = "";

    public string AdminPassword { get; private set; } = "";

    public string DatabasePath => Path.Combine(_directory, "store.db");

    public Uri Address => Host.Address;

    public IServiceProvider Services => Host.Services;

    public static readonly IReadOnlyList<(string Name, Role Role, string? Agency)> Accounts =
    [
        ("cw-edu", Role.Caseworker, Education),
        ("cw-health", Role.Caseworker, HealthCommission),
        ("sup-district", Role.Supervisor, District),
        ("sup-health", Role.Supervisor, HealthCommission),
        ("legal-edu", Role.LegalOfficer, Education),
        ("auditor-edu", Role.Auditor, Education),
        ("auditor-all", Role.Auditor, null),
    ];

    /// <summary>The store the host serves, as a <c>--store</c> value.</summary>
    protected virtual Task<string> StoreAsync() => Task.FromResult($"sqlite:{DatabasePath}");

    /// <summary>Configuration over the environment's (a fixture with mail on, other limits).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>The first administrator's password file, in the fixture's folder (added to every fixture's settings).</summary>
    public string InitialPasswordFile => Path.Combine(_directory, FirstRun.PasswordFileName);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var console = new StringWriter();
        var settings = new Dictionary<string, string?>(await SettingsAsync()) { [FirstRun.PasswordFileKey] = InitialPasswordFile, [TestClock.Setting] = TestClock.StartText };
        Host = await WebHost.StartAsync(new ServeOptions("http://127.0.0.1:0", await StoreAsync(), Settings: settings), console, CancellationToken.None);
        StartupOutput = console.ToString();
        // The first administrator must change the password written to the file; the fixture does so once, as the admin would.
        var initial = (await File.ReadAllTextAsync(InitialPasswordFile)).Trim();
        AdminPassword = "admin-" + Password;
        await Host.Services.GetRequiredService<UserDirectory>().ChangePasswordAsync(FirstRun.AdministratorName, initial, AdminPassword, default);
        await Host.Services.GetRequiredService<AgencyDirectory>().SaveAsync(
            [new Agency(District, null), new Agency(Education, District), new Agency(HealthCommission, District), new Agency(School, Education)], "test", default);
        var users = Host.Services.GetRequiredService<UserDirectory>();
        foreach (var (name, role, agency) in Accounts)
        {
            await users.CreateAsync(name, role, agency, Password, "test", default);
        }
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>An API client signed in with HTTP Basic.</summary>
    public HttpClient Api(string user, string? password = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password ?? (user == "admin" ? AdminPassword : Password)}")));
        return client;
    }

    /// <summary>A browser-like client: cookies, no redirects followed, forms posted with their antiforgery token.</summary>
    public FormClient Forms()
    {
        var cookies = new CookieContainer();
        return new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address }, cookies);
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
