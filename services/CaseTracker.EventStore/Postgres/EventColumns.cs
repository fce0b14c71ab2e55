using CaseTracker.EventStore.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace CaseTracker.EventStore.Postgres;

/// <summary>New event rows as one array per column: the parameters of <c>event_insert_many.sql</c> (unnest).</summary>
internal sealed class EventColumns(int capacity)
{
    private readonly List<Guid> _eventIds = new(capacity);
    private readonly List<string> _streams = new(capacity);
    private readonly List<long> _versions = new(capacity);
    private readonly List<string> _types = new(capacity);
    private readonly List<int> _schemaVersions = new(capacity);
    private readonly List<DateOnly> _businessDates = new(capacity);
    private readonly List<string> _actors = new(capacity);
    private readonly List<Guid> _correlationIds = new(capacity);
    private readonly List<Guid?> _causationIds = new(capacity);
    private readonly List<Guid?> _subjectIds = new(capacity);
    private readonly List<string> _payloads = new(capacity);
    private readonly List<string> _metadata = new(capacity);
    private readonly Dictionary<EventMetadata, string> _metadataJson = new(ReferenceEqualityComparer.Instance);

    public int Count => _eventIds.Count;

    public void Add(string streamId, long version, NewEvent e, SerializedEvent data)
    {
        if (!_metadataJson.TryGetValue(e.Metadata, out var metadata))
        {
            _metadataJson[e.Metadata] = metadata = EventSerializer.SerializeMetadata(e.Metadata.ExtraOrEmpty);
        }

        _eventIds.Add(e.EventId);
        _streams.Add(streamId);
        _versions.Add(version);
        _types.Add(data.TypeName);
        _schemaVersions.Add(data.SchemaVersion);
        _businessDates.Add(e.Event.On);
        _actors.Add(e.Metadata.Actor);
        _correlationIds.Add(e.Metadata.CorrelationId);
        _causationIds.Add(e.Metadata.CausationId);
        _subjectIds.Add(data.SubjectId);
        _payloads.Add(data.Payload);
        _metadata.Add(metadata);
    }

    /// <summary>Every row into a binary COPY of the events table's columns (without position and tx_id).</summary>
    public async Task CopyAsync(NpgsqlBinaryImporter copy, DateTimeOffset recordedAt, CancellationToken ct)
    {
        for (var i = 0; i < Count; i++)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(_eventIds[i], NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(_streams[i], NpgsqlDbType.Text, ct);
            await copy.WriteAsync(_versions[i], NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(_types[i], NpgsqlDbType.Text, ct);
            await copy.WriteAsync(_schemaVersions[i], NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(_businessDates[i], NpgsqlDbType.Date, ct);
            await copy.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(_actors[i], NpgsqlDbType.Text, ct);
            await copy.WriteAsync(_correlationIds[i], NpgsqlDbType.Uuid, ct);
            await WriteAsync(copy, _causationIds[i], ct);
            await WriteAsync(copy, _subjectIds[i], ct);
            await copy.WriteAsync(_payloads[i], NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(_metadata[i], NpgsqlDbType.Jsonb, ct);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, Guid? value, CancellationToken ct) =>
        value is { } id ? copy.WriteAsync(id, NpgsqlDbType.Uuid, ct) : copy.WriteNullAsync(ct);

    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter<string[]>("event_streams", [.. _streams]));
        parameters.Add(new NpgsqlParameter<long[]>("stream_versions", [.. _versions]));
        AddRowParameters(parameters);
    }

    /// <summary>The columns of the rows without their stream and version (<c>append_one.sql</c>: one stream, versions follow).</summary>
    public void AddRowParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter<Guid[]>("event_ids", [.. _eventIds]));
        parameters.Add(new NpgsqlParameter<string[]>("types", [.. _types]));
        parameters.Add(new NpgsqlParameter<int[]>("schema_versions", [.. _schemaVersions]));
        parameters.Add(new NpgsqlParameter<DateOnly[]>("business_dates", [.. _businessDates]));
        parameters.Add(new NpgsqlParameter<string[]>("actors", [.. _actors]));
        parameters.Add(new NpgsqlParameter<Guid[]>("correlation_ids", [.. _correlationIds]));
        parameters.Add(new NpgsqlParameter<Guid?[]>("causation_ids", [.. _causationIds]));
        parameters.Add(new NpgsqlParameter<Guid?[]>("subject_ids", [.. _subjectIds]));
        parameters.Add(new NpgsqlParameter<string[]>("payloads", [.. _payloads]));
        parameters.Add(new NpgsqlParameter<string[]>("metadata", [.. _metadata]));
    }
}
