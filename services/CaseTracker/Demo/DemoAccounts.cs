using System.Security.Cryptography;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using CaseTracker.Web;
using Microsoft.Extensions.Configuration;

namespace CaseTracker.Demo;

/// <summary>
/// The demo's staff: one 经办人 per demo agency (<c>demo-cw01</c> …, in the order of <see cref="DemoAgencies.All"/>) who is
/// the 承办人 of that agency's demo cases, and one 监督人员 of the district (<c>demo-sup</c>). They share one random password,
/// written to a file only the operator can read (beside the administrator's first password), never printed.
/// </summary>
public static class DemoAccounts
{
    public const string Supervisor = "demo-sup";

    public const string PasswordFileName = "casetracker-demo-password.txt";

    public static string CaseworkerOf(string agency)
    {
        var index = DemoAgencies.All.ToList().FindIndex(a => a.Name == agency);
        return index < 0 ? throw new ArgumentException($"not a demo agency: {agency}", nameof(agency)) : $"demo-cw{index + 1:00}";
    }

    /// <summary>Creates the accounts the store does not have yet; returns the password file when it wrote one.</summary>
    public static async Task<string?> EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserDirectory>();
        var existing = (await users.ListAsync(ct)).Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var wanted = DemoAgencies.All.Select(a => (Name: CaseworkerOf(a.Name), Role: Role.Caseworker, Agency: a.Name))
            .Append((Name: Supervisor, Role: Role.Supervisor, Agency: DemoAgencies.District))
            .Where(a => !existing.Contains(a.Name))
            .ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var file = Path.Combine(Path.GetDirectoryName(FirstRun.PasswordFile(services.GetRequiredService<IConfiguration>()))!, PasswordFileName);
        await FirstRun.WriteSecretAsync(file, password + "\n", ct);
        foreach (var (name, role, agency) in wanted)
        {
            await users.CreateAsync(name, role, agency, password, "demo", ct);
        }

        return file;
    }
}
