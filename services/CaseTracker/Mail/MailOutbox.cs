using System.Data.Common;
using System.Globalization;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.Mail;

/// <summary>
/// The mail outbox: messages kept durably in the store's own database (table <c>mail_outbox</c>, SQLite and PostgreSQL)
/// and sent by <see cref="MailSender"/>. Enqueue from anywhere with an id derived from the cause
/// (<see cref="OutgoingMail.Id"/>): a retried enqueue is a no-op, a message is sent once. A message that cannot be sent
/// now is retried with backoff (<see cref="MailSettings.Backoff"/>) and marked failed after the last attempt; the
/// administrators see every state at <c>/admin/mail</c> and may send a failed one again.
/// </summary>
public sealed class MailOutbox(IReadModelDatabase database, MailSettings settings, TimeProvider time)
{
    private readonly SemaphoreSlim _wake = new(0);

    public MailSettings Settings { get; } = settings;

    public bool IsOn => Settings.IsOn;

    /// <summary>Keeps the message for sending (mail off: kept as <c>off</c>, never sent). False when the id was already there.</summary>
    public async Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        var added = await EnqueueAsync(connection, tx, mail, ct);
        await tx.CommitAsync(ct);
        if (added)
        {
            Wake();
        }

        return added;
    }

    /// <summary>Enqueues inside the caller's transaction (a projection's or a feature's own write): both or neither.</summary>
    public async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction tx, OutgoingMail mail, CancellationToken ct)
    {
        var added = await connection.ExecuteAsync(tx, database.Sql["mail_insert"], ct,
            ("id", mail.Id), ("kind", mail.Kind), ("recipient", mail.To.Trim()), ("subject", mail.Subject), ("body", mail.Body),
            ("state", IsOn ? MailStates.Pending : MailStates.Off), ("at", Now())) == 1;
        return added;
    }

    /// <summary>Tells the sender to look now (after a commit that enqueued in the caller's transaction).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(int limit = 200, CancellationToken ct = default) => QueryAsync("mail_list", ct, ("limit", limit));

    public async Task<OutboxEntry?> GetAsync(string id, CancellationToken ct = default) => (await QueryAsync("mail_get", ct, ("id", id))).FirstOrDefault();

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, database.Sql["mail_counts"], r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)), ct);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>An administrator sends a failed message again (attempts start over). False unless it had failed.</summary>
    public async Task<bool> RetryFailedAsync(string id, CancellationToken ct = default)
    {
        var done = await WriteAsync("mail_requeue", ct, ("id", id), ("now", Now())) == 1;
        if (done)
        {
            Wake();
        }

        return done;
    }

    internal async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        await _wake.WaitAsync(poll, ct);
    }

    internal async Task<IReadOnlyList<string>> DueAsync(int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql["mail_due"], r => r.GetString(0), ct, ("now", Now()), ("limit", limit));
    }

    /// <summary>Takes a due message for sending until the lease ends; false when another sender took it (or it is not due).</summary>
    internal async Task<OutboxEntry?> LeaseAsync(string id, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await WriteAsync("mail_lease", ct, ("id", id), ("now", Iso(now)), ("lease", Iso(now + lease))) == 1 ? await GetAsync(id, ct) : null;
    }

    internal Task<int> MarkSentAsync(string id, CancellationToken ct) => WriteAsync("mail_sent", ct, ("id", id), ("at", Now()));

    internal Task<int> MarkFailedAttemptAsync(OutboxEntry entry, string error, CancellationToken ct)
    {
        var last = entry.Attempts >= Settings.MaxAttempts;
        return WriteAsync("mail_retry", ct, ("id", entry.Id), ("state", last ? MailStates.Failed : MailStates.Pending),
            ("next", Iso(time.GetUtcNow() + Settings.Backoff(entry.Attempts))), ("error", error.Length > 500 ? error[..500] : error));
    }

    private async Task<int> WriteAsync(string script, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        var count = await connection.ExecuteAsync(tx, database.Sql[script], ct, args);
        await tx.CommitAsync(ct);
        return count;
    }

    private async Task<IReadOnlyList<OutboxEntry>> QueryAsync(string script, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql[script], r => new OutboxEntry(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture), Parse(r.GetString(7))!.Value,
            r.IsDBNull(8) ? null : r.GetString(8), Parse(r.GetString(9))!.Value, r.IsDBNull(10) ? null : Parse(r.GetString(10))), ct, args);
    }

    private string Now() => Iso(time.GetUtcNow());

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
