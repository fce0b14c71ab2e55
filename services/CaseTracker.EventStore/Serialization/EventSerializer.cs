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
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
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
        using (var writer = new Utf8JsonWriter(seal))
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

    /// <param name="key">The subject's key, or null when erased (or when the event has no personal data).</param>
    public static CaseEvent Deserialize(Guid eventId, string typeName, int storedVersion, string payload, byte[]? key)
    {
        var (type, version) = EventTypeMap.Of(typeName);
        if (storedVersion == version && DeserializeCurrent(eventId, type, payload, key) is { } current)
        {
            return current;
        }

        var node = Upcasters.Upcast(typeName, storedVersion, version, JsonNode.Parse(payload)!.AsObject());
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
    /// The current shape straight from the text, without the JsonNode tree (most of a replay): nothing sealed, or the
    /// one sealed applicant object our serializers write (<c>"applicant":{"subject":…,"sealed":…}</c>, no nested
    /// braces) cut out, opened, and put back on the event. Null for anything else (the general path decides).
    /// </summary>
    private static CaseEvent? DeserializeCurrent(Guid eventId, Type type, string payload, byte[]? key)
    {
        var at = payload.IndexOf(ApplicantName, StringComparison.Ordinal);
        if (at < 0)
        {
            return (CaseEvent)JsonSerializer.Deserialize(payload, type, Options)!;
        }

        var value = at + ApplicantName.Length + 1;
        if (value >= payload.Length || payload[value - 1] != ':' || payload.IndexOf(ApplicantName, value, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        if (payload.AsSpan(value).StartsWith("null", StringComparison.Ordinal))
        {
            return (CaseEvent)JsonSerializer.Deserialize(payload, type, Options)!;
        }

        var end = payload[value] == '{' ? payload.IndexOf('}', value) : -1;
        if (end < 0 || JsonSerializer.Deserialize<SealText>(payload.AsSpan(value, end - value + 1), Options) is not { Sealed: { } sealedText } seal)
        {
            return null;
        }

        var open = string.Concat(payload.AsSpan(0, value), "null", payload.AsSpan(end + 1));
        var @event = (CaseEvent)JsonSerializer.Deserialize(open, type, Options)!;
        return @event is CaseEvent.Received received
            ? received with { Applicant = PersonalDataSeal.Open(seal.Subject, sealedText, key, eventId) }
            : @event;
    }

    private const string ApplicantName = "\"applicant\"";

    private sealed record SealText(Guid Subject, string? Sealed);

    public static string SerializeMetadata(IReadOnlyDictionary<string, string> metadata) => JsonSerializer.Serialize(metadata, Options);

    public static IReadOnlyDictionary<string, string> DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];
}
