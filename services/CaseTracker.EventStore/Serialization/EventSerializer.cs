using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore.Serialization;

/// <summary>What goes into the payload column: the stable name, its schema version, JSON, and the subject whose key sealed it.</summary>
public sealed record SerializedEvent(string TypeName, int SchemaVersion, string Payload, Guid? SubjectId);

/// <summary><see cref="SerializedEvent"/> with the payload as UTF-8 bytes.</summary>
public sealed record SerializedUtf8(string TypeName, int SchemaVersion, byte[] Payload, Guid? SubjectId);

/// <summary>
/// System.Text.Json with stable names. <see cref="CaseEvent.Received.Applicant"/> never appears in clear: it is
/// stored as <c>{"subject": id, "sealed": base64}</c>.
/// </summary>
public static class EventSerializer
{
    /// <summary>
    /// Text as it is, in UTF-8: the payload is data in the store, never put into a web page as it stands, so nothing beyond
    /// JSON's own quote, backslash and control characters is escaped (the default encoder wrote each Chinese character as
    /// six bytes of <c>\uXXXX</c> instead of three, and the sealed value's <c>+</c> as six). Payloads written escaped by
    /// earlier versions read the same.
    /// </summary>
    internal static readonly System.Text.Encodings.Web.JavaScriptEncoder TextAsIs = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = TextAsIs,
    };

    /// <param name="keyFor">The subject's key, created if it has none (inside the append's transaction).</param>
    public static async Task<SerializedEvent> SerializeAsync(Guid eventId, CaseEvent @event, Func<Guid, Task<byte[]>> keyFor)
    {
        var (name, version) = EventTypeMap.Of(@event.GetType());
        if (@event is CaseEvent.Received { Applicant: { } applicant } received)
        {
            var node = JsonSerializer.SerializeToNode(received with { Applicant = null }, received.GetType(), Options)!.AsObject();
            var key = await keyFor(applicant.SubjectId);
            node["applicant"] = new JsonObject
            {
                ["subject"] = applicant.SubjectId,
                ["sealed"] = PersonalDataSeal.Seal(applicant, key, eventId),
            };
            return new SerializedEvent(name, version, node.ToJsonString(Options), applicant.SubjectId);
        }

        return new SerializedEvent(name, version, JsonSerializer.Serialize(@event, @event.GetType(), Options), null);
    }

    /// <summary>
    /// <see cref="SerializeAsync"/> straight to UTF-8 (what SQLite stores), without the JSON tree: the sealed applicant
    /// goes where the serializer wrote <c>"applicant":null</c>. The same JSON document as <see cref="SerializeAsync"/>.
    /// </summary>
    /// <param name="keyFor">The subject's key, created if it has none (inside the append's transaction).</param>
    public static SerializedUtf8 SerializeUtf8(Guid eventId, CaseEvent @event, Func<Guid, byte[]> keyFor)
    {
        var (name, version) = EventTypeMap.Of(@event.GetType());
        if (@event is not CaseEvent.Received { Applicant: { } applicant } received)
        {
            return new SerializedUtf8(name, version, JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Options), null);
        }

        var open = JsonSerializer.SerializeToUtf8Bytes(received with { Applicant = null }, received.GetType(), Options);
        var at = open.AsSpan().IndexOf(ApplicantNull);
        if (at < 0 || open.AsSpan(at + 1).IndexOf(ApplicantNull) >= 0)
        {
            throw new InvalidOperationException("申请人信息的位置不唯一，无法加密保存");
        }

        var key = keyFor(applicant.SubjectId);
        var seal = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(seal, new JsonWriterOptions { Encoder = TextAsIs }))
        {
            writer.WriteStartObject();
            writer.WriteString("subject", applicant.SubjectId);
            writer.WriteString("sealed", PersonalDataSeal.Seal(applicant, key, eventId));
            writer.WriteEndObject();
        }

        var rest = open.AsSpan(at + ApplicantNull.Length);
        var payload = new byte[at + ApplicantColon.Length + seal.WrittenCount + rest.Length];
        open.AsSpan(0, at).CopyTo(payload);
        ApplicantColon.CopyTo(payload.AsSpan(at));
        seal.WrittenSpan.CopyTo(payload.AsSpan(at + ApplicantColon.Length));
        rest.CopyTo(payload.AsSpan(at + ApplicantColon.Length + seal.WrittenCount));
        return new SerializedUtf8(name, version, payload, applicant.SubjectId);
    }

    private static ReadOnlySpan<byte> ApplicantColon => "\"applicant\":"u8;

    private static ReadOnlySpan<byte> ApplicantNull => "\"applicant\":null"u8;

    /// <summary>
    /// <see cref="Deserialize(Guid, string, int, ReadOnlySpan{byte}, byte[])"/> from the payload's text (PostgreSQL's
    /// reads, stream reads): transcoded once into a pooled buffer, as the JSON reader would transcode it anyway.
    /// </summary>
    /// <param name="key">The subject's key, or null when erased (or when the event has no personal data).</param>
    public static CaseEvent Deserialize(Guid eventId, string typeName, int storedVersion, string payload, byte[]? key)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(payload.Length));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(payload, buffer);
            return Deserialize(eventId, typeName, storedVersion, buffer.AsSpan(0, length), key);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// An event from its stored payload, as UTF-8 bytes (SQLite hands them out as kept: no .NET string of the payload):
    /// the current shape straight from the bytes, anything older through the upcasters.
    /// </summary>
    /// <param name="key">The subject's key, or null when erased (or when the event has no personal data).</param>
    public static CaseEvent Deserialize(Guid eventId, string typeName, int storedVersion, ReadOnlySpan<byte> payload, byte[]? key)
    {
        var (type, version) = EventTypeMap.Of(typeName);
        if (storedVersion == version && DeserializeCurrent(eventId, type, payload, key) is { } current)
        {
            return current;
        }

        return FromNode(eventId, typeName, storedVersion, version, type, JsonNode.Parse(payload)!.AsObject(), key);
    }

    /// <summary>The general path: upcast to the current shape, open the sealed applicant, deserialize.</summary>
    private static CaseEvent FromNode(Guid eventId, string typeName, int storedVersion, int version, Type type, JsonObject stored, byte[]? key)
    {
        var node = Upcasters.Upcast(typeName, storedVersion, version, stored);
        PersonalData? applicant = null;
        if (node["applicant"] is JsonObject seal)
        {
            applicant = PersonalDataSeal.Open(seal["subject"]!.GetValue<Guid>(), seal["sealed"]!.GetValue<string>(), key, eventId);
            node.Remove("applicant");
        }

        var @event = (CaseEvent)node.Deserialize(type, Options)!;
        return @event is CaseEvent.Received received && applicant is not null ? received with { Applicant = applicant } : @event;
    }

    /// <summary>
    /// The current shape straight from the payload, without the JsonNode tree (most of a replay): nothing sealed, or the
    /// one sealed applicant object our serializers write (<c>"applicant":{"subject":…,"sealed":…}</c>, no nested
    /// braces) cut out, opened, and put back on the event. Null for anything else (the general path decides).
    /// </summary>
    private static CaseEvent? DeserializeCurrent(Guid eventId, Type type, ReadOnlySpan<byte> payload, byte[]? key)
    {
        var at = payload.IndexOf(ApplicantNameUtf8);
        if (at < 0)
        {
            return (CaseEvent)JsonSerializer.Deserialize(payload, type, Options)!;
        }

        var value = at + ApplicantNameUtf8.Length + 1;
        if (value >= payload.Length || payload[value - 1] != (byte)':' || payload[value..].IndexOf(ApplicantNameUtf8) >= 0)
        {
            return null;
        }

        // PostgreSQL's jsonb text puts a space after each colon ("applicant": {…}).
        while (value < payload.Length - 1 && payload[value] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            value++;
        }

        if (payload[value..].StartsWith("null"u8))
        {
            return (CaseEvent)JsonSerializer.Deserialize(payload, type, Options)!;
        }

        var end = payload[value] == (byte)'{' ? payload[value..].IndexOf((byte)'}') : -1;
        end = end < 0 ? -1 : value + end;
        if (end < 0 || JsonSerializer.Deserialize<SealText>(payload.Slice(value, end - value + 1), Options) is not { Sealed: { } sealedText } seal)
        {
            return null;
        }

        var rest = payload[(end + 1)..];
        var length = value + 4 + rest.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload[..value].CopyTo(buffer);
            "null"u8.CopyTo(buffer.AsSpan(value));
            rest.CopyTo(buffer.AsSpan(value + 4));
            var @event = (CaseEvent)JsonSerializer.Deserialize(buffer.AsSpan(0, length), type, Options)!;
            return @event is CaseEvent.Received received
                ? received with { Applicant = PersonalDataSeal.Open(seal.Subject, sealedText, key, eventId) }
                : @event;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlySpan<byte> ApplicantNameUtf8 => "\"applicant\""u8;

    private sealed record SealText(Guid Subject, string? Sealed);

    public static string SerializeMetadata(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Count == 0 ? "{}" : JsonSerializer.Serialize(metadata, Options);

    /// <summary>
    /// The extra metadata from its stored UTF-8 (the log readers): none (<c>{}</c>) is one shared empty dictionary, and
    /// the same bytes as <paramref name="previous"/>'s (the events of one imported case carry the same) give the same
    /// read-only dictionary again instead of a new one per event.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DeserializeMetadata(ReadOnlySpan<byte> json, ref (byte[]? Json, IReadOnlyDictionary<string, string>? Metadata) previous)
    {
        if (json.SequenceEqual("{}"u8))
        {
            return System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        }

        if (previous is ({ } before, { } same) && json.SequenceEqual(before))
        {
            return same;
        }

        var metadata = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? []);
        previous = (json.ToArray(), metadata);
        return metadata;
    }

    /// <summary>The extra metadata; none (<c>{}</c>, what most events carry): one shared empty dictionary, nothing parsed.</summary>
    public static IReadOnlyDictionary<string, string> DeserializeMetadata(string json) =>
        json == "{}" ? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];
}
