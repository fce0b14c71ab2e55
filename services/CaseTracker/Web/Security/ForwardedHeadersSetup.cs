using System.Net;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.HttpOverrides;

namespace CaseTracker.Web.Security;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed only from the proxies named in CASETRACKER_TRUSTED_PROXIES (addresses,
/// comma-separated, e.g. "127.0.0.1,10.0.0.5"); from anyone else they are ignored. Behind a TLS proxy the request then
/// counts as HTTPS: the cookies are Secure (their policy is SameAsRequest) and HSTS is sent.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string TrustedProxiesKey = "CASETRACKER_TRUSTED_PROXIES";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var text in (configuration[TrustedProxiesKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                throw new UserError(TrustedProxiesKey, $"{TrustedProxiesKey} 中的“{text}”不是有效的 IP 地址。");
            }

            proxies.Add(address);
            if (address.IsIPv4MappedToIPv6 || address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                proxies.Add(address.MapToIPv6());
            }
        }

        services.AddSingleton(new TrustedProxies(proxies.Count > 0));
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds 127.0.0.0/8 by default and is still honoured
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
    }

    /// <summary>
    /// The forwarded-headers middleware only when proxies are configured: with empty KnownProxies/KnownNetworks it would
    /// believe X-Forwarded-* from anyone.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<TrustedProxies>().Any ? app.UseForwardedHeaders() : app;

    private sealed record TrustedProxies(bool Any);
}
