using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CaseTracker.Contracts;

namespace LitigationTracker.Auth;

/// <summary>What CaseTracker said about a presented credential.</summary>
public abstract record StaffLookup
{
    private StaffLookup()
    {
    }

    public sealed record Known(StaffIdentityV1 Staff) : StaffLookup;

    /// <summary>CaseTracker answered 401: wrong password, unknown account, locked, signed out.</summary>
    public sealed record Refused : StaffLookup;

    /// <summary>CaseTracker did not answer (or answered an error): nobody can be verified for now.</summary>
    public sealed record Unavailable(string Reason) : StaffLookup;
}

/// <summary>
/// CaseTracker's user directory, asked over HTTP: the presented credential (HTTP Basic, or CaseTracker's own sign-in
/// cookie) is forwarded to GET /api/me, which checks it exactly as CaseTracker checks every request. Successful answers
/// are remembered for <see cref="CacheFor"/> (keyed by a hash of the credential, never the credential itself), so a
/// script does not pay for password hashing on each request; a refusal is never remembered.
/// </summary>
public sealed class StaffDirectory(Uri caseTracker, TimeSpan cacheFor, TimeProvider time, ILogger<StaffDirectory> log) : IDisposable
{
    private const int MaxCached = 10_000;

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        BaseAddress = caseTracker,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly ConcurrentDictionary<string, (StaffIdentityV1 Staff, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public TimeSpan CacheFor { get; } = cacheFor;

    /// <param name="header">"Authorization" or "Cookie".</param>
    public async Task<StaffLookup> VerifyAsync(string header, string value, CancellationToken ct)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header + "\n" + value)));
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return new StaffLookup.Known(cached.Staff);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, StaffIdentityV1.Path);
        request.Headers.TryAddWithoutValidation(header, value);
        request.Headers.Accept.ParseAdd("application/json");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Locked)
            {
                _cache.TryRemove(key, out _);
                return new StaffLookup.Refused();
            }

            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("CaseTracker answered {Status} to {Path}", (int)response.StatusCode, StaffIdentityV1.Path);
                return new StaffLookup.Unavailable($"CaseTracker 答复 {(int)response.StatusCode}");
            }

            var staff = await response.Content.ReadFromJsonAsync<StaffIdentityV1>(ct)
                ?? throw new HttpRequestException("empty identity");
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[key] = (staff, now + CacheFor);
            return new StaffLookup.Known(staff);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            log.LogWarning("CaseTracker's user directory did not answer: {Reason}", e.Message);
            return new StaffLookup.Unavailable(e.GetType().Name);
        }
    }

    public void Dispose() => _http.Dispose();
}
