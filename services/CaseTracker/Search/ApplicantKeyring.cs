using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using CaseTracker.Domain.Applicants;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.Search;

/// <summary>
/// The key of the applicants' keyed hashes (<see cref="ApplicantKeys"/>): <c>CASETRACKER_APPLICANT_KEY</c> (base64, at
/// least 32 bytes) when the operator sets one — then a copy of the database alone cannot test guessed ID numbers —
/// else a random key made on first use and kept in the store (document "keys"/"applicant-hash"), so every host of one
/// store hashes alike. Changing the key needs <c>projections rebuild</c>.
/// </summary>
public sealed class ApplicantKeyring(IReadModelDatabase database, string? configuredKey, TimeProvider? time = null)
{
    public const string Variable = "CASETRACKER_APPLICANT_KEY";
    public const string Collection = "keys";
    public const string DocumentKey = "applicant-hash";

    private ApplicantKeys? _keys;

    public ApplicantKeyring(IReadModelDatabase database, IConfiguration configuration, TimeProvider? time = null)
        : this(database, configuration[Variable], time)
    {
    }

    /// <summary>The hasher, the key read (or made) on a connection of its own.</summary>
    public async Task<ApplicantKeys> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _keys) is { } known)
        {
            return known;
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        var keys = await GetAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        return keys;
    }

    /// <summary>The hasher, the key read (or made) inside a caller's write transaction (a projection's).</summary>
    public async Task<ApplicantKeys> GetAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        if (Volatile.Read(ref _keys) is { } known)
        {
            return known;
        }

        byte[] key;
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            key = Convert.TryFromBase64String(configuredKey.Trim(), new byte[256], out var n) && n >= 32
                ? Convert.FromBase64String(configuredKey.Trim())
                : throw new InvalidOperationException($"{Variable} 须为至少 32 字节的 base64 密钥。");
        }
        else
        {
            var body = JsonSerializer.Serialize(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            await connection.ExecuteAsync(tx, database.Sql["document_insert"], ct,
                ("collection", Collection), ("key", DocumentKey), ("body", body), ("at", (time ?? TimeProvider.System).GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("by", "system"));
            var stored = await connection.QueryAsync(tx, database.Sql["document_get"], r => r.GetString(0), ct,
                ("collection", Collection), ("key", DocumentKey));
            key = Convert.FromBase64String(JsonSerializer.Deserialize<string>(stored[0])!);
        }

        var keys = new ApplicantKeys(key);
        Volatile.Write(ref _keys, keys);
        return keys;
    }
}
