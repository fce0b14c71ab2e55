using System.CommandLine;
using CaseTracker.Cli;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;

namespace CaseTracker.Users;

/// <summary>
/// `casetracker users add|reset-password|disable|enable|list`: the accounts without the web (a lost administrator
/// password, a leaver). Passwords are read from a file (or "-" for standard input), never from the command line, which
/// other users of the machine can see.
/// </summary>
public static class UserVerbs
{
    public static readonly IReadOnlyDictionary<string, Role> RoleNames = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase)
    {
        ["caseworker"] = Role.Caseworker,
        ["supervisor"] = Role.Supervisor,
        ["legal"] = Role.LegalOfficer,
        ["admin"] = Role.Administrator,
        ["auditor"] = Role.Auditor,
    };

    public static Command Create()
    {
        var users = new Command("users", "管理用户：创建、重设密码、停用（立即结束其会话）、启用、列出。");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(ResetPassword());
        users.Subcommands.Add(SetDisabled("disable", true, "停用用户：不能再登录，其全部会话（网页 Cookie 和接口凭据）立即失效。"));
        users.Subcommands.Add(SetDisabled("enable", false, "重新启用已停用的用户。"));
        users.Subcommands.Add(List());
        return users;
    }

    private static Argument<string> Name() => new("NAME") { Description = "用户名（不含空格，最长 64 个字符）" };

    private static Option<string> PasswordFile() => new("--password-file")
    {
        Description = "存放密码的文件（第一行为密码，至少 10 个字符）；“-”表示从标准输入读取。密码不在命令行上给出。",
        Required = true,
    };

    private static Command Add()
    {
        var name = Name();
        var role = new Option<string>("--role")
        {
            Description = "角色：caseworker（经办人）、supervisor（监督人员）、legal（法制人员）、admin（系统管理员）、auditor（审计人员，只读）",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. RoleNames.Keys]);
        var agency = new Option<string?>("--agency") { Description = "所属机关全称（经办人、监督人员、法制人员必填；审计人员不填则可查看全部机关）" };
        var password = PasswordFile();
        var command = new Command("add", "创建用户。") { name, role, agency, password };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var account = await session.Services.GetRequiredService<UserDirectory>().CreateAsync(
                parse.GetValue(name)!, RoleNames[parse.GetValue(role)!], parse.GetValue(agency),
                await ReadPasswordAsync(parse.GetValue(password)!, token), "cli", token);
            await session.Output.WriteLineAsync($"已创建用户 {account.Name}（{Roles.Label(account.Role)}{(account.Agency is null ? "" : "，" + account.Agency)}）。");
            return 0;
        }, ct));
        return command;
    }

    private static Command ResetPassword()
    {
        var name = Name();
        var password = PasswordFile();
        var command = new Command("reset-password", "重设用户密码；其原有会话立即失效。") { name, password };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var account = await session.Services.GetRequiredService<UserDirectory>().ResetPasswordAsync(
                parse.GetValue(name)!, await ReadPasswordAsync(parse.GetValue(password)!, token), "cli", token);
            await session.Output.WriteLineAsync($"已重设 {account.Name} 的密码；其原有会话已全部结束。");
            return 0;
        }, ct));
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled, string description)
    {
        var name = Name();
        var command = new Command(verb, description) { name };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var account = await session.Services.GetRequiredService<UserDirectory>().SetDisabledAsync(parse.GetValue(name)!, disabled, "cli", token);
            await session.Output.WriteLineAsync(disabled ? $"已停用 {account.Name}；其会话已全部结束。" : $"已启用 {account.Name}。");
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "列出用户：用户名、角色、所属机关、状态。");
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var all = await session.Services.GetRequiredService<UserDirectory>().ListAsync(token);
            await session.Output.WriteLineAsync("用户名\t角色\t所属机关\t状态");
            foreach (var u in all)
            {
                var code = RoleNames.First(r => r.Value == u.Role).Key;
                var status = u.Disabled ? "已停用" : u.MustChangePassword ? "待修改密码" : "正常";
                await session.Output.WriteLineAsync($"{u.Name}\t{code}（{Roles.Label(u.Role)}）\t{u.Agency ?? "—"}\t{status}");
            }

            if (all.Count == 0)
            {
                await session.Output.WriteLineAsync("尚无用户。可用 casetracker users add 创建，或首次 serve 时自动创建 admin。");
            }

            return 0;
        }, ct));
        return command;
    }

    /// <summary>The first line of the file (or of standard input for "-"), without its line break.</summary>
    public static async Task<string> ReadPasswordAsync(string file, CancellationToken ct)
    {
        string text;
        if (file == "-")
        {
            text = await Console.In.ReadLineAsync(ct) ?? "";
        }
        else if (!File.Exists(file))
        {
            throw new UserError("--password-file", $"--password-file：文件“{file}”不存在。");
        }
        else
        {
            text = (await File.ReadAllTextAsync(file, ct)).Split('\n')[0];
        }

        return text.TrimEnd('\r');
    }
}
