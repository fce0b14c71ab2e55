using System.Data.Common;
using System.Net.Sockets;

namespace CaseTracker.Web.Resilience;

/// <summary>
/// The store not answering (PostgreSQL stopped or restarting, the network gone, SQLite busy beyond its timeout): every
/// request then answers 503 with Retry-After (<see cref="RetryAfterSeconds"/>), and the log gets ONE line per outage (no
/// stack trace), not one per request: an outage is failures less than <see cref="Quiet"/> apart. The projection worker
/// reports through the same object, so its retries add no lines either.
/// </summary>
public sealed class StoreOutage(ILogger<StoreOutage> log, TimeProvider time)
{
    public const int RetryAfterSeconds = 5;
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private DateTimeOffset? _last;

    /// <summary>Whether this exception means the store is unreachable (transient), as opposed to a fault of ours.</summary>
    public static bool IsOutage(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or SocketException or TimeoutException
                || (e is DbException db && (db.SqlState?.StartsWith("08", StringComparison.Ordinal) == true || db.SqlState is "57P01" or "57P02" or "57P03"))
                || e.GetType().FullName is "Npgsql.NpgsqlException" && e.InnerException is IOException or SocketException or TimeoutException or EndOfStreamException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Notes a failure; logs one line when it starts an outage.</summary>
    public void Report(Exception error, string where)
    {
        var now = time.GetUtcNow();
        bool starts;
        lock (_gate)
        {
            starts = _last is null || now - _last.Value > Quiet;
            _last = now;
        }

        if (starts)
        {
            log.LogError("Store unavailable ({Where}): {Kind}: {Message}. Answering 503 with Retry-After {RetryAfter} s while it lasts; one line per outage",
                where, error.GetType().Name, error.Message, RetryAfterSeconds);
        }
    }

    public static Problem Problem { get; } = new(503, "服务暂时不可用", "数据库暂时无法访问，请稍后重试（本次请求未执行）。", "store.unavailable");
}
