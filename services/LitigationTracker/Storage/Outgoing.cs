using System.Text.Json;
using CaseTracker.Contracts;
using Microsoft.Data.Sqlite;
using static LitigationTracker.Storage.LitigationDb;

namespace LitigationTracker.Storage;

/// <summary>A message waiting for the broker's confirmation.</summary>
public sealed record OutgoingMessage(long Sequence, Guid MessageId, object Message);

/// <summary>The transactional outbox of LitigationTracker: a message is written with the change it announces.</summary>
public static class Outgoing
{
    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(ReconsiderationFiledV1), typeof(ReconsiderationConcludedV1), typeof(LawsuitFiledV1), typeof(LawsuitConcludedV1),
        typeof(AgencyAppealFiledV1), typeof(AgencyAppealConcludedV1),
    }.ToDictionary(t => t.Name);

    public static void Enqueue(SqliteConnection connection, SqliteTransaction tx, Guid messageId, object message) =>
        Execute(connection, tx, "INSERT INTO outgoing (message_id, type, body) VALUES ($id, $type, $body)",
            ("$id", messageId), ("$type", message.GetType().Name), ("$body", JsonSerializer.Serialize(message, message.GetType())));

    public static IReadOnlyList<OutgoingMessage> Pending(SqliteConnection connection, int max)
    {
        using var reader = Command(connection, null, "SELECT sequence, message_id, type, body FROM outgoing ORDER BY sequence LIMIT $max", ("$max", max))
            .ExecuteReader();
        var messages = new List<OutgoingMessage>();
        while (reader.Read())
        {
            var message = JsonSerializer.Deserialize(reader.GetString(3), Types[reader.GetString(2)])!;
            messages.Add(new OutgoingMessage(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), message));
        }

        return messages;
    }

    public static void Delete(SqliteConnection connection, long sequence) =>
        Execute(connection, null, "DELETE FROM outgoing WHERE sequence = $sequence", ("$sequence", sequence));
}
