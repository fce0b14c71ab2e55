using CaseTracker.Demo;

namespace CaseTracker.Tests;

/// <summary>The demo comes with staff: a 经办人 per agency who is the 承办人 of its cases, and a district supervisor.</summary>
public sealed class DemoAccountsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_demo_creates_its_staff_once_with_a_password_in_a_private_file_and_assigns_every_case_to_its_agencys_caseworker()
    {
        var cli = new CliRunner("sqlite:" + _folder.File("demo.db"));

        var first = await cli.SucceedAsync("demo", "--per-year", "600", "--years", "1", "--seed", "3");
        var file = _folder.File(DemoAccounts.PasswordFileName);
        Assert.Contains($"示例账号：demo-sup（监督人员，{DemoAgencies.District}），demo-cw01–demo-cw16（各机关经办人，承办本机关的示例申请）；密码在文件：{file}",
            first.Output, StringComparison.Ordinal);
        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.Equal(16, password.Length);
        Assert.DoesNotContain(password, first.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var users = (await cli.SucceedAsync("users", "list")).Output;
        Assert.Contains("demo-sup", users, StringComparison.Ordinal);
        Assert.Contains("demo-cw04", users, StringComparison.Ordinal);
        Assert.Contains("示范市青山区住房和城乡建设委员会", users, StringComparison.Ordinal);

        // The cases are assigned: the morning digest of a working day reaches demo caseworkers (their own cases) and the supervisor.
        var digest = (await cli.SucceedAsync("digest", "--as-of", "2026-11-27", "--dry-run")).Output;
        Assert.Contains("→ demo-sup", digest, StringComparison.Ordinal);
        Assert.Matches(@"→ demo-cw\d\d", digest);

        var again = await cli.SucceedAsync("demo", "--per-year", "600", "--years", "1", "--seed", "3");
        Assert.DoesNotContain("示例账号", again.Output, StringComparison.Ordinal);
        Assert.Equal(password, (await File.ReadAllTextAsync(file)).Trim());
    }
}
