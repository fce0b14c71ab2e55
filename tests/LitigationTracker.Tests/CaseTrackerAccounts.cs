using System.Net.Http.Headers;
using System.Text;
using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using CaseTracker.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LitigationTracker.Tests;

/// <summary>
/// CaseTracker as `serve` runs it (real Kestrel, its own SQLite file), holding the accounts LitigationTracker verifies
/// its users against: one district with four departments, and one account per kind of user.
/// </summary>
public sealed class CaseTrackerAccounts : IAsyncDisposable
{
    public const string Password = "litigation-test-password";
    public const string District = "测试区人民政府";

    /// <summary>法制人员 of the district: every department is in reach.</summary>
    public const string DistrictLegal = "district-legal";

    /// <summary>法制人员 of 区教育局 only.</summary>
    public const string EducationLegal = "education-legal";

    /// <summary>经办人 of 区市场监管局: reads that agency's cases, records no appeal.</summary>
    public const string MarketCaseworker = "market-caseworker";

    /// <summary>审计人员 of every agency.</summary>
    public const string Auditor = "auditor";

    private readonly CaseTrackerHost _host;

    private CaseTrackerAccounts(CaseTrackerHost host) => _host = host;

    public Uri Address => _host.Address;

    public static async Task<CaseTrackerAccounts> StartAsync(string storePath)
    {
        var host = await WebHost.StartAsync(new ServeOptions("http://127.0.0.1:0", $"sqlite:{storePath}"), TextWriter.Null, default);
        var agencies = host.Services.GetRequiredService<AgencyDirectory>();
        await agencies.SaveAsync(
            [
                new Agency(District, null), new Agency("区市场监管局", District), new Agency("区教育局", District),
                new Agency("市自然资源局", District), new Agency("区司法局", District),
            ],
            "test", default);
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.CreateAsync(DistrictLegal, Role.LegalOfficer, District, Password, "test", default);
        await users.CreateAsync(EducationLegal, Role.LegalOfficer, "区教育局", Password, "test", default);
        await users.CreateAsync(MarketCaseworker, Role.Caseworker, "区市场监管局", Password, "test", default);
        await users.CreateAsync(Auditor, Role.Auditor, null, Password, "test", default);
        return new CaseTrackerAccounts(host);
    }

    public static AuthenticationHeaderValue Basic(string user, string password = Password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private int _disposed;

    /// <summary>Stops CaseTracker (a test may do so early, to see LitigationTracker without it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _host.DisposeAsync();
        }
    }
}
