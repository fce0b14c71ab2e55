using System.Globalization;
using CaseTracker.Composition;
using CaseTracker.EventStore.Sql;
using Microsoft.Extensions.Options;

namespace CaseTracker.Documents;

/// <summary>
/// The bytes of the case files' documents, content-addressed by SHA-256 (lower-case hex). Putting content that is there
/// already changes nothing: a blob is never overwritten or deleted.
/// </summary>
public abstract class DocumentBlobs
{
    /// <summary>Stores the file at <paramref name="path"/> (its hash and size already computed) unless that content is there.</summary>
    public abstract Task PutAsync(string sha256, string path, long size, string contentType, CancellationToken ct);

    /// <summary>The content, or null when the store does not have it.</summary>
    public abstract Task<Stream?> OpenAsync(string sha256, CancellationToken ct);

    public static DocumentBlobs For(IServiceProvider services)
    {
        var location = StoreLocation.Parse(services.GetRequiredService<IOptions<CaseTrackerOptions>>().Value.Store) ?? StoreLocation.Default;
        var store = services.GetRequiredService<SqlEventStore>();
        return location.Kind == StoreKind.Sqlite
            ? new FileDocumentBlobs(services.GetRequiredService<DocumentSettings>().DirectoryFor(location), store, services.GetRequiredService<TimeProvider>())
            : new PostgresDocumentBlobs(store, services.GetRequiredService<TimeProvider>());
    }

    protected static async Task IndexAsync(SqlEventStore store, string sha256, long size, string contentType, object stored, string sql, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(null, sql, ct, ("sha256", sha256), ("size", size), ("content_type", contentType), ("at", stored));
    }
}

/// <summary>
/// SQLite: files in a directory next to the database, <c>ab/&lt;sha256&gt;</c>, written to a temporary name and moved into
/// place without overwriting (a concurrent upload of the same content finds it there); then indexed in document_blobs.
/// </summary>
public sealed class FileDocumentBlobs(string directory, SqlEventStore store, TimeProvider time) : DocumentBlobs
{
    private const string Index =
        "INSERT INTO document_blobs (sha256, size, content_type, stored_at) VALUES (@sha256, @size, @content_type, @at) ON CONFLICT (sha256) DO NOTHING";

    public string Directory { get; } = directory;

    public override async Task PutAsync(string sha256, string path, long size, string contentType, CancellationToken ct)
    {
        var target = PathOf(sha256);
        if (!File.Exists(target))
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.Copy(path, temporary);
            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // The same content arrived at the same moment: it is there, and it is the same bytes.
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        await IndexAsync(store, sha256, size, contentType, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), Index, ct);
    }

    public override Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Directory, sha256[..2], sha256)
            : throw new ArgumentException("not a SHA-256", nameof(sha256));
}

/// <summary>PostgreSQL: the bytes in document_blobs.content (bytea; see the migration for why not large objects).</summary>
public sealed class PostgresDocumentBlobs(SqlEventStore store, TimeProvider time) : DocumentBlobs
{
    public override async Task PutAsync(string sha256, string path, long size, string contentType, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var content = File.OpenRead(path);
        await using var command = connection.Command(null,
            "INSERT INTO document_blobs (sha256, size, content_type, content, stored_at) VALUES (@sha256, @size, @content_type, @content, @at) "
            + "ON CONFLICT (sha256) DO NOTHING",
            ("sha256", sha256), ("size", size), ("content_type", contentType), ("content", content), ("at", time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        var content = await connection.ScalarAsync(null, "SELECT content FROM document_blobs WHERE sha256 = @sha256", ct, ("sha256", sha256));
        return content is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
    }
}
