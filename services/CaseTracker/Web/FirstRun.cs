using System.Security.Cryptography;
using CaseTracker.Demo;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Web;

/// <summary>What `serve` does once before listening: demo data on an empty store, and the first administrator.</summary>
public static class FirstRun
{
    public const string AdministratorName = "admin";

    public static async Task WriteDemoIfEmptyAsync(IServiceProvider services, ServeOptions options, TextWriter console, CancellationToken ct)
    {
        if (await services.GetRequiredService<IEventStore>().CountAfterAsync(LogPosition.Start, ct) > 0)
        {
            await console.WriteLineAsync("存储中已有案件，未写入示例数据。");
            return;
        }

        var written = await DemoWriter.WriteAsync(services, console, 2026, options.DemoPerYear, options.DemoYears, ct);
        await console.WriteLineAsync($"示例数据已写入：{written} 件申请。");
    }

    /// <summary>Creates <c>admin</c> with a random password when there is no user yet; returns that password (to print once).</summary>
    public static async Task<string?> EnsureAdministratorAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserDirectory>();
        if ((await users.ListAsync(ct)).Count > 0)
        {
            return null;
        }

        var password = RandomPassword();
        await users.CreateAsync(AdministratorName, Role.Administrator, null, password, "serve", ct);
        return password;
    }

    public static async Task PrintSignInAsync(TextWriter console, Uri address, string? password)
    {
        await console.WriteLineAsync($"CaseTracker 已启动：{address}");
        if (password is not null)
        {
            await console.WriteLineAsync($"首次启动，已创建系统管理员。请用浏览器打开 {new Uri(address, "/login")} 登录：");
            await console.WriteLineAsync($"  用户名：{AdministratorName}");
            await console.WriteLineAsync($"  密码：{password}");
            await console.WriteLineAsync("此密码只显示这一次；登录后请在“系统管理”中为各机关创建用户。");
        }
    }

    private static string RandomPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
