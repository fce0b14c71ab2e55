using CaseTracker.Tests.Bus;
using LitigationTracker.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LitigationTracker.Tests;

/// <summary>
/// LitigationTracker as it runs: real Kestrel on a free port, its own SQLite file, the real broker, and a real CaseTracker
/// web host whose accounts it verifies its users against (<see cref="CaseTrackerAccounts"/>).
/// </summary>
public sealed class LitigationNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CaseTrackerAccounts? _accounts;

    private LitigationNode(WebApplication app, HttpClient client, CaseTrackerAccounts? accounts)
    {
        _app = app;
        Http = client;
        _accounts = accounts;
    }

    /// <summary>Signed in as the user given at start.</summary>
    public HttpClient Http { get; }

    public Uri Address => Http.BaseAddress!;

    public IServiceProvider Services => _app.Services;

    public LitigationDb Db => _app.Services.GetRequiredService<LitigationDb>();

    /// <summary>The CaseTracker host this node verifies users against, when the node started it.</summary>
    public CaseTrackerAccounts Accounts => _accounts ?? throw new InvalidOperationException("the node was given a CaseTracker address");

    /// <summary>Starts a CaseTracker host with the test accounts next to <paramref name="databasePath"/>, then the service.</summary>
    public static async Task<LitigationNode> StartAsync(
        string databasePath, Uri broker, string? user = CaseTrackerAccounts.DistrictLegal, int identityCacheSeconds = 30)
    {
        var accounts = await CaseTrackerAccounts.StartAsync(Path.Combine(Path.GetDirectoryName(databasePath)!, $"accounts-{Guid.NewGuid():N}.db"));
        try
        {
            return await StartAsync(databasePath, broker, accounts.Address, user, identityCacheSeconds, accounts);
        }
        catch
        {
            await accounts.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the service against the CaseTracker at <paramref name="caseTracker"/>; <see cref="Http"/> signs in as <paramref name="user"/>.</summary>
    public static async Task<LitigationNode> StartAsync(
        string databasePath, Uri broker, Uri caseTracker, string? user, int identityCacheSeconds = 30, CaseTrackerAccounts? owned = null)
    {
        var app = LitigationApp.Build(
            new LitigationSettings(databasePath, broker, caseTracker, identityCacheSeconds, TestClock.Provider()),
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var bus = app.Services.GetRequiredService<IBusControl>();
        await Eventually.ReturnsAsync(() => Task.FromResult(bus.CheckHealth().Status), s => s == BusHealthStatus.Healthy, "LitigationTracker's bus to start");
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        if (user is not null)
        {
            http.DefaultRequestHeaders.Authorization = CaseTrackerAccounts.Basic(user);
        }

        return new LitigationNode(app, http, owned);
    }

    /// <summary>A client of its own, signed in as <paramref name="user"/> (null: anonymous).</summary>
    public HttpClient As(string? user, string password = CaseTrackerAccounts.Password)
    {
        var http = new HttpClient { BaseAddress = Address };
        if (user is not null)
        {
            http.DefaultRequestHeaders.Authorization = CaseTrackerAccounts.Basic(user, password);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_accounts is not null)
        {
            await _accounts.DisposeAsync();
        }
    }
}
