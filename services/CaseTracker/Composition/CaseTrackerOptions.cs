using Microsoft.Extensions.Configuration;

namespace CaseTracker.Composition;

/// <summary>
/// The operator's settings, read through <see cref="IConfiguration"/>: the configuration keys are the environment
/// variables the product has always read (<c>CASETRACKER_STORE</c>, …), so setting those still works.
/// </summary>
public sealed class CaseTrackerOptions
{
    /// <summary><c>sqlite:PATH</c> or <c>postgres:CONNECTION</c>; <c>--store</c> overrides it; default: <see cref="StoreLocation.Default"/>.</summary>
    [ConfigurationKeyName(StoreLocation.EnvironmentVariable)]
    public string? Store { get; set; }

    [ConfigurationKeyName(ClockSettingsSource.DayOneVariable)]
    public string? DayOne { get; set; }

    [ConfigurationKeyName(ClockSettingsSource.FeeNoticeVariable)]
    public string? FeeNoticePauses { get; set; }

    /// <summary>The amqp URI of the broker; unset: the bus is off.</summary>
    [ConfigurationKeyName(Bus.CaseTrackerBus.BrokerVariable)]
    public string? RabbitMq { get; set; }

    /// <summary>The SMTP server's host name; unset: mail is off (see <see cref="Mail.MailSettings"/>).</summary>
    [ConfigurationKeyName("CASETRACKER_SMTP_HOST")]
    public string? SmtpHost { get; set; }

    [ConfigurationKeyName("CASETRACKER_SMTP_PORT")]
    public string? SmtpPort { get; set; }

    /// <summary><c>none</c>, <c>starttls</c>, <c>ssl</c> or <c>auto</c> (the default: STARTTLS when the server offers it).</summary>
    [ConfigurationKeyName("CASETRACKER_SMTP_TLS")]
    public string? SmtpTls { get; set; }

    [ConfigurationKeyName("CASETRACKER_SMTP_FROM")]
    public string? SmtpFrom { get; set; }

    [ConfigurationKeyName("CASETRACKER_SMTP_USER")]
    public string? SmtpUser { get; set; }

    [ConfigurationKeyName("CASETRACKER_SMTP_PASSWORD")]
    public string? SmtpPassword { get; set; }

    /// <summary>The first retry delay in seconds (doubled after each failure, at most an hour); default 30.</summary>
    [ConfigurationKeyName("CASETRACKER_SMTP_RETRY_SECONDS")]
    public string? SmtpRetrySeconds { get; set; }
}

public static class CaseTrackerConfiguration
{
    /// <summary>The environment as configuration, with <c>--store</c> (when given) over <c>CASETRACKER_STORE</c>.</summary>
    public static IConfiguration FromEnvironment(string? store = null) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddStore(store).Build();

    public static IConfigurationBuilder AddStore(this IConfigurationBuilder configuration, string? store) =>
        string.IsNullOrWhiteSpace(store)
            ? configuration
            : configuration.AddInMemoryCollection([new(StoreLocation.EnvironmentVariable, store)]);
}
