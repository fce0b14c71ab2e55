using CaseTracker.Bus;
using CaseTracker.Composition;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CaseTracker.Web;

/// <param name="Urls">Where Kestrel listens, e.g. http://127.0.0.1:5080 (port 0: any free port).</param>
/// <param name="Store">As --store for every verb; null: the setting CASETRACKER_STORE, else the embedded SQLite file.</param>
/// <param name="Demo">Write the demo data set when the store holds no cases.</param>
/// <param name="Settings">Configuration over the environment's, same keys (in-process hosts, tests): e.g. <c>CASETRACKER_SMTP_HOST</c>, <c>CASETRACKER_TRUSTED_PROXIES</c>.</param>
public sealed record ServeOptions(
    string Urls = "http://127.0.0.1:5080", string? Store = null, bool Demo = false, int DemoPerYear = 1500, int DemoYears = 4,
    IReadOnlyDictionary<string, string?>? Settings = null);

/// <summary>A running host: the web application on real Kestrel; its container owns the store.</summary>
public sealed class CaseTrackerHost(WebApplication app, Uri address) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public Uri Address { get; } = address;

    public IServiceProvider Services => App.Services;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>`casetracker serve`: composes the host, opens the store, writes demo data if asked, creates the first administrator, starts Kestrel.</summary>
public static class WebHost
{
    public static async Task<CaseTrackerHost> StartAsync(ServeOptions options, TextWriter console, CancellationToken ct)
    {
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new UserError("--urls",
                    $"--urls 的值“{url}”无效：应为 http://地址:端口，例如 http://127.0.0.1:5080（多个用分号分隔）。");
            }
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (options.Settings is { } settings)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Configuration.AddStore(options.Store);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = WebServices.MaxBodyBytes);
        builder.Services.AddCaseTracker(builder.Configuration).AddCaseTrackerWeb(builder.Configuration);
        if (CaseTrackerBus.BrokerFrom(builder.Configuration) is { } broker)
        {
            builder.Services.AddCaseTrackerBus(broker);
        }

        builder.Logging.AddCaseTrackerLogging();
        var app = builder.Build();
        try
        {
            await app.Services.OpenCaseTrackerAsync(ct, console);
            if (options.Demo)
            {
                await FirstRun.WriteDemoIfEmptyAsync(app.Services, options, console, ct);
            }

            app.UseCaseTrackerWeb();
            var password = await FirstRun.EnsureAdministratorAsync(app.Services, ct);
            await app.StartAsync(ct);
            var address = new Uri(app.Urls.First());
            await FirstRun.PrintSignInAsync(console, address, password);
            return new CaseTrackerHost(app, address);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
