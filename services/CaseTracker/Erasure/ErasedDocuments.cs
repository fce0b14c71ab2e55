using CaseTracker.Documents;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.ReadModels;

namespace CaseTracker.Erasure;

/// <summary>
/// The bytes of an erased case's documents of the kinds that hold personal data (申请表, 信封, 身份证明复印件, 送达回证):
/// deleted from the blob store, unless another case whose personal data is kept attached the same content (blobs are
/// content-addressed and shared). The attachment events stay (kind, size, hash), so the case file still lists them.
/// </summary>
public sealed class ErasedDocuments(IEventStore store, IReadModelDatabase database, DocumentBlobs blobs)
{
    /// <summary>Deletes what can be deleted; returns how many blobs went.</summary>
    public async Task<int> DeleteAsync(Guid caseId, CancellationToken ct)
    {
        var stream = CaseStreams.For(caseId);
        var hashes = (await store.ReadStreamAsync(stream, ct)).Select(e => e.Event).OfType<CaseEvent.DocumentAttached>()
            .Where(d => d.Kind.HoldsPersonalData()).Select(d => d.Sha256).Distinct().ToList();
        var deleted = 0;
        foreach (var sha256 in hashes)
        {
            if (await HeldElsewhereAsync(stream, sha256, ct))
            {
                continue;
            }

            if (blobs is FileDocumentBlobs files && sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower))
            {
                File.Delete(Path.Combine(files.Directory, sha256[..2], sha256));
            }

            await using var connection = await database.OpenConnectionAsync(ct);
            await using var tx = await database.BeginWriteAsync(connection, ct);
            await connection.ExecuteAsync(tx, database.Sql["erasure_blob_delete"], ct, ("sha256", sha256));
            await tx.CommitAsync(ct);
            deleted++;
        }

        return deleted;
    }

    private async Task<bool> HeldElsewhereAsync(string stream, string sha256, CancellationToken ct)
    {
        foreach (var other in await database.QueryAsync("erasure_document_holders", c => c.String("stream_id"), ct, ("stream", stream), ("sha256", sha256)))
        {
            var state = CaseDecider.Fold((await store.ReadStreamAsync(other, ct)).Select(e => e.Event));
            if (state.Erasure is null)
            {
                return true;
            }
        }

        return false;
    }
}
