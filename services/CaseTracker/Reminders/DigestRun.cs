using System.Globalization;
using System.Text.Json;
using CaseTracker.Calendar;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Mail;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Users;

namespace CaseTracker.Reminders;

/// <summary>
/// The morning digest run: on the calendar's working days only (a holiday: nothing; a make-up Saturday: a run), every
/// caseworker and supervisor whose settings are on gets the day's digest in the in-app list. The list's key (user, day)
/// refuses a second digest for one day, so a repeated or concurrent run adds nothing; the day of the last run is kept
/// (document "digest-runs"/"last") so that a host that was down at the hour catches up once when it comes back that day.
/// </summary>
public sealed class DigestRun(UserDirectory users, DocumentStore documents, DigestBuilder builder, IReadModelDatabase database, PolicySource policies,
    MailOutbox outbox, TimeProvider time)
{
    public const string RunsCollection = "digest-runs";

    public bool IsDigestDay(DateOnly date) => policies.Current.Calendar.IsWorkingDay(date);

    public async Task<DigestSettings> SettingsAsync(string user, CancellationToken ct) =>
        (await documents.GetAsync<DigestSettings>(DigestSettings.Collection, user, ct))?.Value ?? new DigestSettings();

    /// <summary>Every digest the day would produce (none on a day off), recipients by name.</summary>
    public async Task<IReadOnlyList<Digest>> PlanAsync(DateOnly date, CancellationToken ct)
    {
        if (!IsDigestDay(date))
        {
            return [];
        }

        var digests = new List<Digest>();
        foreach (var user in (await users.ListAsync(ct)).Where(u => u.Role is Role.Caseworker or Role.Supervisor && u.Agency is not null && !u.Disabled))
        {
            var settings = await SettingsAsync(user.Name, ct);
            if (settings.Enabled && await builder.BuildAsync(user, settings, date, ct) is { IsEmpty: false } digest)
            {
                digests.Add(digest);
            }
        }

        return digests;
    }

    /// <summary>
    /// Stores the day's digests in the in-app list and, for a user who gave an address, puts the e-mail in the outbox in
    /// the same transaction (id <c>digest/{user}/{day}</c>); returns those newly stored (a user's second digest of a day is not).
    /// </summary>
    public async Task<IReadOnlyList<Digest>> DeliverAsync(DateOnly date, CancellationToken ct)
    {
        var stored = new List<Digest>();
        foreach (var digest in await PlanAsync(date, ct))
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var tx = await database.BeginWriteAsync(connection, ct);
            var inserted = await connection.ExecuteAsync(tx, database.Sql["notification_insert"], ct,
                ("user_name", digest.User), ("digest_date", date), ("created_at", time.GetUtcNow()), ("title", digest.Title),
                ("body", JsonSerializer.Serialize(digest, DocumentStore.Json)));
            if (inserted == 1 && digest.Email is { } email)
            {
                await outbox.EnqueueAsync(connection, tx,
                    new OutgoingMail($"digest/{digest.User}/{date:yyyy-MM-dd}", "digest", email, digest.Title, digest.Text()), ct);
            }

            await tx.CommitAsync(ct);
            if (inserted == 1)
            {
                stored.Add(digest);
            }
        }

        outbox.Wake();
        await documents.PutAsync(RunsCollection, "last", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "digest", ct: ct);
        return stored;
    }

    /// <summary>The day whose run is due at <paramref name="now"/> (Asia/Shanghai) and the configured hour, or null.</summary>
    public async Task<DateOnly?> DueAsync(DateTimeOffset now, int hour, CancellationToken ct)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < hour || !IsDigestDay(today))
        {
            return null;
        }

        var last = (await documents.GetAsync<string>(RunsCollection, "last", ct))?.Value;
        return last is not null && string.CompareOrdinal(last, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) >= 0 ? null : today;
    }

    public Task<IReadOnlyList<Notification>> NotificationsAsync(string user, CancellationToken ct) =>
        database.QueryAsync("notifications_of_user", c => new Notification(c.String("user_name"), c.Date("digest_date"), c.String("title"),
            JsonSerializer.Deserialize<Digest>(c.String("body"), DocumentStore.Json)!, c["read_at"] is not null), ct, ("user_name", user));

    public async Task MarkReadAsync(string user, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(null, database.Sql["notifications_mark_read"], ct, ("user_name", user), ("read_at", time.GetUtcNow()));
    }
}

/// <summary>One entry of the in-app list.</summary>
public sealed record Notification(string User, DateOnly Date, string Title, Digest Digest, bool Read);
