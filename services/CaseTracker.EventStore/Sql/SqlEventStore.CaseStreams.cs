using System.Globalization;
using System.Runtime.CompilerServices;

namespace CaseTracker.EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>
    /// The whole stream of every case of the case read model received by <paramref name="asOf"/> within
    /// <paramref name="agencies"/> (null: every agency), one list per case in the ledger's order (agency, date received,
    /// 编号, ordinal): one query streamed from the database, so memory holds one case at a time (the export, issue 14).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<EventEnvelope>> ReadCaseStreamsAsync(
        IReadOnlyCollection<string>? agencies, DateOnly asOf, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var names = agencies?.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var scope = names is null ? "1 = 1" : names.Count == 0 ? "1 = 0" : $"c.agency IN ({string.Join(", ", names)})";
        (string, object?)[] args = [.. (agencies ?? []).Select((a, i) => ("a" + i.ToString(CultureInfo.InvariantCulture), (object?)a)), ("as_of", asOf)];
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.Command(null, Sql["case_streams_for_export"].Replace("{scope}", scope, StringComparison.Ordinal), args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var stream = new List<EventEnvelope>();
        while (await reader.ReadAsync(ct))
        {
            var envelope = Map(reader);
            if (stream.Count > 0 && stream[0].StreamId != envelope.StreamId)
            {
                yield return stream;
                stream = [];
            }

            stream.Add(envelope);
        }

        if (stream.Count > 0)
        {
            yield return stream;
        }
    }
}
