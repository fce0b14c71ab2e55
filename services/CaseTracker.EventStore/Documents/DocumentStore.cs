using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Documents;

public sealed record Document<T>(string Key, T Value, long Version);

public sealed class DocumentConflictException(string collection, string key)
    : Exception($"“{key}”已被他人修改，请刷新后重试。")
{
    public string Collection { get; } = collection;
}

/// <summary>
/// Reference data kept in the same database as the streams (agencies, users, calendar notices, section 二 figures,
/// published reports): one JSON document per key, with a version for optimistic concurrency.
/// </summary>
public sealed class DocumentStore(IReadModelDatabase database, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<Document<T>?> GetAsync<T>(string collection, string key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, database.Sql["document_get"], r => (Body: r.GetString(0), Version: r.GetInt64(1)), ct,
            ("collection", collection), ("key", key));
        return rows.Count == 0 ? null : new Document<T>(key, Deserialize<T>(rows[0].Body), rows[0].Version);
    }

    public async Task<IReadOnlyList<Document<T>>> ListAsync<T>(string collection, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql["document_list"],
            r => new Document<T>(r.GetString(0), Deserialize<T>(r.GetString(1)), r.GetInt64(2)), ct, ("collection", collection));
    }

    /// <summary>Writes one document; with <paramref name="expectedVersion"/> only over that version (0 = must be new).</summary>
    public Task<long> PutAsync<T>(string collection, string key, T value, string by, long? expectedVersion = null, CancellationToken ct = default) =>
        PutManyAsync(collection, [(key, value)], by, expectedVersion, ct);

    /// <summary>Writes several documents of one collection atomically: all or none.</summary>
    public async Task<long> PutManyAsync<T>(
        string collection, IReadOnlyList<(string Key, T Value)> documents, string by, long? expectedVersion = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        long version = 0;
        foreach (var (key, value) in documents)
        {
            version = await PutAsync(connection, tx, collection, key, JsonSerializer.Serialize(value, Json), by, expectedVersion, ct);
        }

        await tx.CommitAsync(ct);
        return version;
    }

    public async Task<bool> DeleteAsync(string collection, string key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        var deleted = await connection.ExecuteAsync(tx, database.Sql["document_delete"], ct, ("collection", collection), ("key", key));
        await tx.CommitAsync(ct);
        return deleted > 0;
    }

    private async Task<long> PutAsync(
        DbConnection connection, DbTransaction tx, string collection, string key, string body, string by, long? expected, CancellationToken ct)
    {
        var at = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        (string, object?)[] args = [("collection", collection), ("key", key), ("body", body), ("at", at), ("by", by), ("version", expected ?? -1L)];
        if (expected is null or 0 && await connection.ExecuteAsync(tx, database.Sql["document_insert"], ct, args) == 1)
        {
            return 1;
        }

        if (expected == 0 || await connection.ExecuteAsync(tx, database.Sql["document_update"], ct, args) == 0)
        {
            throw new DocumentConflictException(collection, key);
        }

        return Convert.ToInt64(await connection.ScalarAsync(tx, database.Sql["document_version"], ct, args), CultureInfo.InvariantCulture);
    }

    private static T Deserialize<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidDataException("文档内容为空");
}
