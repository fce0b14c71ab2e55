using System.Collections.Concurrent;

namespace CaseTracker.Users;

/// <summary>
/// Backoff after failed sign-ins, per (user name, source address), never a lock on the account itself: guesses from one
/// address slow that address down for that name and nobody else (the administrator signs in from their own desk while
/// someone guesses their password elsewhere). The same for names that exist and names that do not, so the answer tells
/// nothing. After <see cref="FreeFailures"/> failures of one name from one address, the next attempt must wait 1 s, then
/// 2 s, 4 s, … up to <see cref="MaxDelay"/>. A throttled attempt is refused without hashing (so it costs nothing).
/// A success clears the pair; an administrator's password reset clears the name. Kept in the memory of this node;
/// entries are forgotten <see cref="Forget"/> after the last failure.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long this attempt must still wait; zero: go ahead.</summary>
    public TimeSpan Wait(string name, string source)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        return _entries.TryGetValue(Key(name, source), out var entry) && entry.Until > now ? entry.Until - now : wait;
    }

    public void Failed(string name, string source)
    {
        var now = time.GetUtcNow();
        if (_entries.Count > MaxEntries)
        {
            foreach (var stale in _entries.Where(e => now - e.Value.Last > Forget).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }

        Count(Key(name, source), FreeFailures, now);
    }

    public void Succeeded(string name, string source) => _entries.TryRemove(Key(name, source), out _);

    /// <summary>Forgets the failures of a name from every address (after an administrator set a new password).</summary>
    public void Clear(string name)
    {
        var prefix = Normal(name) + "\n";
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            _entries.TryRemove(key, out _);
        }
    }

    private void Count(string key, int free, DateTimeOffset now) => _entries.AddOrUpdate(key,
        _ => new Entry(1, now, now),
        (_, e) =>
        {
            var failures = now - e.Last > Forget ? 1 : e.Failures + 1;
            var until = failures < free ? now : now + Delay(failures - free);
            return new Entry(failures, now, until);
        });

    /// <summary>1 s after the first failure past the free ones, doubling, capped at <see cref="MaxDelay"/>.</summary>
    public static TimeSpan Delay(int beyond) =>
        beyond >= 20 ? MaxDelay : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, beyond)));

    private static string Normal(string name) => name.Trim().ToUpperInvariant();

    private static string Key(string name, string source) => Normal(name) + "\n" + source;

    private sealed record Entry(int Failures, DateTimeOffset Last, DateTimeOffset Until);
}
