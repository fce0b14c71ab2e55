namespace LitigationTracker;

/// <param name="DatabasePath">The service's own SQLite file.</param>
/// <param name="Broker">The amqp URI of the RabbitMQ broker CaseTracker also uses.</param>
/// <param name="CaseTracker">Where CaseTracker answers (its /api/me verifies every user of this service).</param>
/// <param name="IdentityCacheSeconds">How long a verified sign-in is remembered before CaseTracker is asked again.</param>
/// <param name="Time">The service's clock (null: the system's); tests pass one that starts on a fixed business date.</param>
public sealed record LitigationSettings(string DatabasePath, Uri Broker, Uri CaseTracker, int IdentityCacheSeconds = 30, TimeProvider? Time = null)
{
    public const string CaseTrackerVariable = "LITIGATION_CASETRACKER_URL";

    /// <summary>
    /// <c>LITIGATION_DB</c> (default <c>litigation.db</c>), <c>LITIGATION_RABBITMQ</c> (else <c>CASETRACKER_RABBITMQ</c>),
    /// <c>LITIGATION_CASETRACKER_URL</c> (required), <c>LITIGATION_IDENTITY_CACHE_SECONDS</c> (default 30).
    /// </summary>
    public static LitigationSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable("LITIGATION_DB") is { Length: > 0 } path ? path : "litigation.db",
        new Uri(Environment.GetEnvironmentVariable("LITIGATION_RABBITMQ") is { Length: > 0 } broker ? broker
            : Environment.GetEnvironmentVariable("CASETRACKER_RABBITMQ") is { Length: > 0 } shared ? shared
            : "amqp://guest:guest@127.0.0.1:5672/"),
        Environment.GetEnvironmentVariable(CaseTrackerVariable) is { Length: > 0 } url
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new SettingsException(
                $"环境变量 {CaseTrackerVariable} 未设置或无效：应为 CaseTracker 的地址，例如 http://casetracker:8080（本服务向它核验每个用户）。"),
        int.TryParse(Environment.GetEnvironmentVariable("LITIGATION_IDENTITY_CACHE_SECONDS"), out var seconds) && seconds >= 0 ? seconds : 30);
}

/// <summary>A setting the service cannot start without.</summary>
public sealed class SettingsException(string message) : Exception(message);
