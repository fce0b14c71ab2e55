using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore.Serialization;

/// <summary>What goes into the payload column: the stable name, its schema version, JSON, and the subject whose key sealed it.</summary>
public sealed record SerializedEvent(string TypeName, int SchemaVersion, string Payload, Guid? SubjectId);

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

    /// <param name="key">The subject's key, or null when erased (or when the event has no personal data).</param>
    public static CaseEvent Deserialize(Guid eventId, string typeName, int storedVersion, string payload, byte[]? key)
    {
        var (type, version) = EventTypeMap.Of(typeName);
        if (storedVersion == version && !payload.Contains("\"applicant\"", StringComparison.Ordinal))
        {
            // Current shape, nothing sealed: straight from the text (most of a replay), without the JsonNode tree.
            return (CaseEvent)JsonSerializer.Deserialize(payload, type, Options)!;
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

    public static string SerializeMetadata(IReadOnlyDictionary<string, string> metadata) => JsonSerializer.Serialize(metadata, Options);

    public static IReadOnlyDictionary<string, string> DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];
}
