using CaseTracker.Bus;
using CaseTracker.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CaseTracker.Web;

/// <param name="Urls">Where Kestrel listens, e.g. http://127.0.0.1:5080 (port 0: any free port).</param>
/// <param name="Store">As --store for every verb; null: CASETRACKER_STORE, else the embedded SQLite file.</param>
/// <param name="Demo">Write the demo data set when the store holds no cases.</param>
public sealed record ServeOptions(string Urls = "http://127.0.0.1:5080", string? Store = null, bool Demo = false, int DemoPerYear = 1500, int DemoYears = 4);

/// <summary>A running host: the web application on real Kestrel over its store.</summary>
public sealed class CaseTrackerHost(WebApplication app, SqlEventStore store, Uri address) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public SqlEventStore Store { get; } = store;

    public Uri Address { get; } = address;

    public IServiceProvider Services => App.Services;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

/// <summary>`casetracker serve`: opens the store, writes demo data if asked, creates the first administrator, starts Kestrel.</summary>
public static class WebHost
{
    public static async Task<CaseTrackerHost> StartAsync(ServeOptions options, TextWriter console, CancellationToken ct)
    {
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new UserError("--urls", $"--urls 的值“{url}”无效：应为 http://地址:端口，例如 http://127.0.0.1:5080（多个用分号分隔）。");
            }
        }

        var time = TimeProvider.System;
        var (store, policy) = await StoreLocation.Resolve(options.Store).OpenWithPolicyAsync(time, ct);
        try
        {
            await ClaimBackfillReport.PrintAsync(store, console, ct);
            if (options.Demo)
            {
                await FirstRun.WriteDemoIfEmptyAsync(store, policy, time, options, console, ct);
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = WebServices.MaxBodyBytes);
            builder.Services.AddCaseTracker(store, policy, time).AddCaseTrackerWeb(builder.Configuration);
            if (Bus.CaseTrackerBus.BrokerFromEnvironment() is { } broker)
            {
                builder.Services.AddCaseTrackerBus(broker);
            }

            builder.Logging.AddCaseTrackerLogging();
            var app = builder.Build();
            app.UseCaseTrackerWeb();
            var password = await FirstRun.EnsureAdministratorAsync(app.Services, ct);
            await app.StartAsync(ct);
            var address = new Uri(app.Urls.First());
            await FirstRun.PrintSignInAsync(console, address, password);
            return new CaseTrackerHost(app, store, address);
        }
        catch
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            throw;
        }
    }
}
