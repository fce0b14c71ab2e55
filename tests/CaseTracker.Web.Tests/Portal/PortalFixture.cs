using CaseTracker.Testing;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>
/// <see cref="HostFixture"/> with mail on: a real SMTP server (<see cref="TestSmtpServer"/>) on a free port started by
/// the test run, a short retry base so that the server-down test waits seconds, not minutes.
/// </summary>
public class PortalFixture : HostFixture
{
    public TestSmtpServer Smtp { get; private set; } = null!;

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
