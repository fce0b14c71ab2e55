using CaseTracker.Testing;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>
/// <see cref="HostFixture"/> with mail on: a real SMTP server (<see cref="TestSmtpServer"/>) on a free port started by
/// the test run, a short retry base so that the server-down test waits seconds, not minutes.
/// </summary>
public class PortalFixture : HostFixture
{
    public TestSmtpServer Smtp { get; private set; } = null!;

    /// <summary>The public doors' limits: high here (every test calls from 127.0.0.1), low in <see cref="LowLimitsFixture"/>.</summary>
    protected virtual (string Address, string Contact, string Code) Limits => ("100000", "100000", "100000");

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        Smtp = await TestSmtpServer.StartNewAsync();
        return new Dictionary<string, string?>
        {
            ["CASETRACKER_SMTP_HOST"] = Smtp.Host,
            ["CASETRACKER_SMTP_PORT"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CASETRACKER_SMTP_TLS"] = "none",
            ["CASETRACKER_SMTP_FROM"] = "gongkai@test.gov.cn",
            ["CASETRACKER_SMTP_RETRY_SECONDS"] = "0.2",
            ["CASETRACKER_PUBLIC_SUBMITS_PER_HOUR"] = Limits.Address,
            ["CASETRACKER_PUBLIC_LOOKUPS_PER_MINUTE"] = Limits.Address,
            ["CASETRACKER_PUBLIC_SUBMITS_PER_CONTACT_PER_DAY"] = Limits.Contact,
            ["CASETRACKER_PUBLIC_LOOKUPS_PER_CODE_PER_HOUR"] = Limits.Code,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal host";
}

/// <summary>The portal host with small limits for the 429 tests: per address 5 submissions an hour and 5 lookups a minute; 2 a day per e-mail/phone; 4 lookups an hour per code.</summary>
public sealed class LowLimitsFixture : PortalFixture
{
    protected override (string Address, string Contact, string Code) Limits => ("5", "2", "4");
}

[CollectionDefinition(Name)]
public sealed class LowLimitsCollection : ICollectionFixture<LowLimitsFixture>
{
    public const string Name = "portal host with low limits";
}
