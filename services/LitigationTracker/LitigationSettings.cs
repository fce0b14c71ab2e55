namespace LitigationTracker;

/// <param name="DatabasePath">The service's own SQLite file.</param>
/// <param name="Broker">The amqp URI of the RabbitMQ broker CaseTracker also uses.</param>
public sealed record LitigationSettings(string DatabasePath, Uri Broker)
{
    /// <summary><c>LITIGATION_DB</c> (default <c>litigation.db</c>) and <c>LITIGATION_RABBITMQ</c> (else <c>CASETRACKER_RABBITMQ</c>).</summary>
    public static LitigationSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable("LITIGATION_DB") is { Length: > 0 } path ? path : "litigation.db",
        new Uri(Environment.GetEnvironmentVariable("LITIGATION_RABBITMQ") is { Length: > 0 } broker ? broker
            : Environment.GetEnvironmentVariable("CASETRACKER_RABBITMQ") is { Length: > 0 } shared ? shared
            : "amqp://guest:guest@127.0.0.1:5672/"));
}
