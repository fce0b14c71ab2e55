using System.Globalization;
using System.Threading.RateLimiting;
using CaseTracker.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseTracker.Portal;

/// <summary>
/// The limits of the public doors (ASP.NET Core's rate limiter; settings in the README): submissions per client address
/// and per e-mail/phone, lookups per address and per query code. Over a limit: 429 with Retry-After.
/// </summary>
public sealed class PortalLimits : IDisposable
{
    public const string SubmitPolicy = "portal-submit";
    public const string LookupPolicy = "portal-lookup";
    public const long MaxBodyBytes = 64 * 1024;

    private readonly PartitionedRateLimiter<string> _perContact;
    private readonly PartitionedRateLimiter<string> _perCode;

    public PortalLimits(IConfiguration configuration)
    {
        SubmitsPerAddressPerHour = Setting(configuration, "CASETRACKER_PUBLIC_SUBMITS_PER_HOUR", 20);
        LookupsPerAddressPerMinute = Setting(configuration, "CASETRACKER_PUBLIC_LOOKUPS_PER_MINUTE", 30);
        SubmitsPerContactPerDay = Setting(configuration, "CASETRACKER_PUBLIC_SUBMITS_PER_CONTACT_PER_DAY", 5);
        LookupsPerCodePerHour = Setting(configuration, "CASETRACKER_PUBLIC_LOOKUPS_PER_CODE_PER_HOUR", 20);
        _perContact = Fixed(SubmitsPerContactPerDay, TimeSpan.FromDays(1));
        _perCode = Fixed(LookupsPerCodePerHour, TimeSpan.FromHours(1));
    }

    public int SubmitsPerAddressPerHour { get; }

    public int LookupsPerAddressPerMinute { get; }

    public int SubmitsPerContactPerDay { get; }

    public int LookupsPerCodePerHour { get; }

    /// <summary>One submission more for this e-mail and this phone (both must have room).</summary>
    public bool TakeContact(PortalApplication application)
    {
        using var byMail = _perContact.AttemptAcquire("mail:" + application.Email.Trim().ToLowerInvariant());
        using var byPhone = _perContact.AttemptAcquire("phone:" + new string([.. application.Phone.Where(char.IsAsciiDigit)]));
        return byMail.IsAcquired && byPhone.IsAcquired;
    }

    /// <summary>One lookup more of this code (whatever the phone digits: guessing them is what this stops).</summary>
    public bool TakeLookup(string? code)
    {
        using var lease = _perCode.AttemptAcquire("code:" + (QueryCode.Normalise(code) ?? "?"));
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _perContact.Dispose();
        _perCode.Dispose();
    }

    public static IServiceCollection AddPortalLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = new PortalLimits(configuration);
        services.AddSingleton(limits);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SubmitPolicy, c => RateLimitPartition.GetFixedWindowLimiter(Address(c),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SubmitsPerAddressPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            o.AddPolicy(LookupPolicy, c => RateLimitPartition.GetFixedWindowLimiter(Address(c),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.LookupsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) => new ValueTask(TooManyAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null));
        });
        return services;
    }

    /// <summary>429: problem+json for the API, a page for the forms; Retry-After in seconds.</summary>
    public static Task TooManyAsync(HttpContext context, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TooMany.ToResult().ExecuteAsync(context);
    }

    public static Problem TooMany { get; } = new(429, "请求过于频繁", "请求过于频繁，请稍后再试。", "rate.limited");

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static PartitionedRateLimiter<string> Fixed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    private static int Setting(IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

/// <summary>
/// The public pages' and API's body limit and no caching. Their other security headers (CSP with frame-ancestors 'none',
/// nosniff, X-Frame-Options DENY, Referrer-Policy) come from the global <see cref="CaseTracker.Web.Security.SecurityHeadersMiddleware"/>,
/// the single place that sets them (it writes them when the answer starts, so a second copy here would only be overwritten).
/// </summary>
public static class PublicDoor
{
    /// <summary>No caching (answers carry a query code or an applicant's data) and a 64 KB body limit.</summary>
    public static async ValueTask<object?> Guard(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.ContentLength > PortalLimits.MaxBodyBytes)
        {
            return new Problem(413, "请求过大", $"请求内容超过允许的大小（{PortalLimits.MaxBodyBytes / 1024} KB）。", "request.too_large").ToResult();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = PortalLimits.MaxBodyBytes;
        }

        return await next(context);
    }
}
