using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>Rows of the export's query per batch handed to a worker (a batch always ends with a whole case).</summary>
    private const int CaseStreamBatch = 128;

    /// <summary>
    /// Every case of the case read model received by <paramref name="asOf"/> within <paramref name="agencies"/> (null:
    /// every agency), in the ledger's order (agency, date received, 编号), each case's whole stream turned into a
    /// <typeparamref name="T"/> by <paramref name="perCase"/> (the export's fold, issue 14). One query streamed from the
    /// database reading only what a fold needs (no metadata, positions or times); its rows are cut into batches of whole
    /// cases, and each batch is deserialized, decrypted and folded on the thread pool while the next is read, so every
    /// core works; the answers come back in the query's order. Memory holds a few batches, whatever the number of cases.
    /// </summary>
    public async IAsyncEnumerable<T> ReadCaseStreamsAsync<T>(
        IReadOnlyCollection<string>? agencies, DateOnly asOf, Func<IReadOnlyList<CaseEvent>, T> perCase, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var names = agencies?.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var scope = names is null ? "1 = 1" : names.Count == 0 ? "1 = 0" : $"c.agency IN ({string.Join(", ", names)})";
        (string, object?)[] args = [.. (agencies ?? []).Select((a, i) => ("a" + i.ToString(CultureInfo.InvariantCulture), (object?)a)), ("as_of", asOf)];
        var sql = Sql["case_streams_for_export"].Replace("{scope}", scope, StringComparison.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Batches in the query's order, each already being worked on: the reader never runs more than this far ahead.
        var work = System.Threading.Channels.Channel.CreateBounded<Task<List<T>>>(new BoundedChannelOptions(2 * Environment.ProcessorCount + 2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadCaseBatchesAsync(sql, args, batch => Task.Run(() => Fold(batch, perCase), stop.Token), work.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in work.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var item in await batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
            while (work.Reader.TryRead(out var left))
            {
                await left.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static List<T> Fold<T>(List<RawEvent> batch, Func<IReadOnlyList<CaseEvent>, T> perCase)
    {
        var answers = new List<T>();
        var stream = new List<CaseEvent>();
        for (var i = 0; i < batch.Count; i++)
        {
            var raw = batch[i];
            stream.Add(Serialization.EventSerializer.Deserialize(raw.EventId, raw.Type, raw.SchemaVersion, raw.Payload, raw.Key));
            if (i == batch.Count - 1 || !string.Equals(batch[i + 1].StreamId, raw.StreamId, StringComparison.Ordinal))
            {
                answers.Add(perCase(stream));
                stream = [];
            }
        }

        return answers;
    }

    private async Task ReadCaseBatchesAsync<T>(
        string sql, (string, object?)[] args, Func<List<RawEvent>, Task<List<T>>> start, ChannelWriter<Task<List<T>>> work, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            if (Sql.Find("export_settings") is { } settings)
            {
                await connection.ExecuteAsync(null, settings, ct);
            }

            await using var command = connection.Command(null, sql, args);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var batch = new List<RawEvent>(CaseStreamBatch + 16);
            while (await reader.ReadAsync(ct))
            {
                var raw = new RawEvent(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5));
                if (batch.Count >= CaseStreamBatch && !string.Equals(batch[^1].StreamId, raw.StreamId, StringComparison.Ordinal))
                {
                    await work.WriteAsync(start(batch), ct);
                    batch = new List<RawEvent>(CaseStreamBatch + 16);
                }

                batch.Add(raw);
            }

            if (batch.Count > 0)
            {
                await work.WriteAsync(start(batch), ct);
            }

            work.Complete();
        }
        catch (Exception error)
        {
            work.Complete(error);
        }
    }

    /// <summary>A row of the export's query as read, before its payload is deserialized (and its applicant decrypted).</summary>
    private sealed record RawEvent(string StreamId, Guid EventId, string Type, int SchemaVersion, string Payload, byte[]? Key);
}
