using CaseTracker.Tests.Bus;
using LitigationTracker.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LitigationTracker.Tests;

/// <summary>LitigationTracker as it runs: real Kestrel on a free port, its own SQLite file, the real broker.</summary>
public sealed class LitigationNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LitigationNode(WebApplication app, HttpClient client)
    {
        _app = app;
        Http = client;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public LitigationDb Db => _app.Services.GetRequiredService<LitigationDb>();

    public static async Task<LitigationNode> StartAsync(string databasePath, Uri broker)
    {
        var app = LitigationApp.Build(
            new LitigationSettings(databasePath, broker),
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var bus = app.Services.GetRequiredService<IBusControl>();
        await Eventually.ReturnsAsync(() => Task.FromResult(bus.CheckHealth().Status), s => s == BusHealthStatus.Healthy, "LitigationTracker's bus to start");
        return new LitigationNode(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
