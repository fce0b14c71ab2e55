using CaseTracker.Agencies;
using CaseTracker.Composition;
using CaseTracker.Users;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests;

/// <summary>`casetracker users …` (issue 12 item 1) and `calendar list` with a far-future notice (issue 16 finding 10).</summary>
public sealed class UserVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public UserVerbTests() => _cli = new CliRunner($"sqlite:{_folder.File("users.db")}");

    [Fact]
    public async Task Users_are_added_listed_reset_disabled_and_enabled_from_the_command_line()
    {
        await File.WriteAllTextAsync(_folder.File("agencies.csv"), "名称,上级机关\n某区教育局,\n");
        await _cli.SucceedAsync("agencies", "import", _folder.File("agencies.csv"));
        await File.WriteAllTextAsync(_folder.File("pw"), "first-password-1\n");
        await File.WriteAllTextAsync(_folder.File("pw2"), "second-password-2\r\n");

        var added = await _cli.SucceedAsync("users", "add", "zhang", "--role", "caseworker", "--agency", "某区教育局", "--password-file", _folder.File("pw"));
        Assert.Equal("已创建用户 zhang（经办人，某区教育局）。\n", added.Output.Replace("\r", ""));
        await _cli.SucceedAsync("users", "add", "audit", "--role", "auditor", "--password-file", _folder.File("pw"));

        var list = (await _cli.SucceedAsync("users", "list")).Output.Replace("\r", "");
        Assert.Equal("用户名\t角色\t所属机关\t状态\naudit\tauditor（审计人员（只读））\t—\t正常\nzhang\tcaseworker（经办人）\t某区教育局\t正常\n", list);

        Assert.IsType<SignInResult.Success>(await SignInAsync("zhang", "first-password-1"));
        await _cli.SucceedAsync("users", "reset-password", "zhang", "--password-file", _folder.File("pw2"));
        Assert.IsType<SignInResult.Failed>(await SignInAsync("zhang", "first-password-1"));
        Assert.IsType<SignInResult.Success>(await SignInAsync("zhang", "second-password-2"));

        var disabled = await _cli.SucceedAsync("users", "disable", "zhang");
        Assert.Contains("已停用 zhang", disabled.Output);
        Assert.Contains("zhang\tcaseworker（经办人）\t某区教育局\t已停用", (await _cli.SucceedAsync("users", "list")).Output);
        Assert.IsType<SignInResult.Failed>(await SignInAsync("zhang", "second-password-2"));
        await _cli.SucceedAsync("users", "enable", "zhang");
        Assert.IsType<SignInResult.Success>(await SignInAsync("zhang", "second-password-2"));
    }

    [Theory]
    [InlineData(new[] { "users", "add", "li", "--role", "boss", "--password-file", "PW" }, "boss")]
    [InlineData(new[] { "users", "add", "li", "--role", "caseworker", "--password-file", "PW" }, "所属机关")]
    [InlineData(new[] { "users", "add", "li", "--role", "auditor", "--password-file", "SHORT" }, "至少 10 个字符")]
    [InlineData(new[] { "users", "add", "li", "--role", "auditor", "--password-file", "MISSING" }, "不存在")]
    [InlineData(new[] { "users", "reset-password", "nobody", "--password-file", "PW" }, "“nobody”不存在")]
    [InlineData(new[] { "users", "disable", "nobody" }, "“nobody”不存在")]
    public async Task Bad_user_commands_are_refused_in_Chinese_with_exit_status_2_or_1(string[] args, string message)
    {
        await File.WriteAllTextAsync(_folder.File("pw"), "long-enough-password\n");
        await File.WriteAllTextAsync(_folder.File("short"), "short\n");
        var resolved = args.Select(a => a switch
        {
            "PW" => _folder.File("pw"),
            "SHORT" => _folder.File("short"),
            "MISSING" => _folder.File("missing"),
            _ => a,
        }).ToArray();
        var result = await _cli.RunAsync(resolved);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error + result.Output);
        Assert.DoesNotContain("li\t", (await _cli.SucceedAsync("users", "list")).Output);
    }

    [Fact]
    public async Task A_notice_dated_9999_12_31_is_refused_and_calendar_list_still_works()
    {
        await File.WriteAllTextAsync(_folder.File("far.csv"), "date,kind,notice\n9999-12-31,holiday,远期通知\n");
        var load = await _cli.RunAsync("calendar", "load", _folder.File("far.csv"));
        Assert.Equal(2, load.ExitCode);
        Assert.Contains("9999-12-31超出可载入的年份（2000–2999 年）", load.Error);
        var list = await _cli.SucceedAsync("calendar", "list");
        Assert.DoesNotContain("9999", list.Output);
        Assert.Contains("年起尚无数据", list.Output);
    }

    private async Task<SignInResult> SignInAsync(string name, string password)
    {
        await using var services = new ServiceCollection().AddLogging().AddCaseTracker(CaseTrackerConfiguration.FromEnvironment(_cli.Store)).BuildServiceProvider();
        await services.OpenCaseTrackerAsync(default, TextWriter.Null);
        _ = services.GetRequiredService<AgencyDirectory>();
        return await services.GetRequiredService<UserDirectory>().SignInAsync(name, password, "cli-test", default);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
