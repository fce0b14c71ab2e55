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

    /// <summary>Where the first administrator's password is written; default: beside the SQLite store, else the working directory.</summary>
    public const string PasswordFileKey = "CASETRACKER_ADMIN_PASSWORD_FILE";

    public const string PasswordFileName = "casetracker-admin-password.txt";

    /// <summary>
    /// Creates <c>admin</c> with a random password when there is no administrator yet (the demo's staff are not), writes the password to a file only the
    /// operator can read (mode 0600, created new) and returns the file's path. The account must change that password at
    /// first sign-in.
    /// </summary>
    public static async Task<string?> EnsureAdministratorAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserDirectory>();
        if ((await users.ListAsync(ct)).Any(u => u.Role == Role.Administrator))
        {
            return null;
        }

        var password = RandomPassword();
        var file = PasswordFile(services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        await WriteSecretAsync(file, password + "\n", ct);
        await users.CreateAsync(AdministratorName, Role.Administrator, null, password, "serve", ct, mustChangePassword: true);
        return file;
    }

    public static string PasswordFile(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (configuration[PasswordFileKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var store = CaseTracker.Composition.StoreLocation.Parse(configuration[CaseTracker.Composition.StoreLocation.EnvironmentVariable])
            ?? CaseTracker.Composition.StoreLocation.Default;
        var directory = store.Kind == CaseTracker.Composition.StoreKind.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(store.Target))!
            : Environment.CurrentDirectory;
        return Path.Combine(directory, PasswordFileName);
    }

    /// <summary>A new file readable and writable by this user only (0600 from its creation, never wider); replaces an old one.</summary>
    public static async Task WriteSecretAsync(string path, string text, CancellationToken ct)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), ct);
    }

    public static async Task PrintSignInAsync(TextWriter console, Uri address, string? passwordFile)
    {
        await console.WriteLineAsync($"CaseTracker 已启动：{address}");
        if (passwordFile is not null)
        {
            await console.WriteLineAsync($"首次启动，已创建系统管理员。请用浏览器打开 {new Uri(address, "/login")} 登录：");
            await console.WriteLineAsync($"  用户名：{AdministratorName}");
            await console.WriteLineAsync($"  初始密码在文件：{passwordFile}（仅本用户可读，权限 0600）");
            await console.WriteLineAsync("首次登录须修改此密码；之后请在“系统管理”中为各机关创建用户，并删除该文件。");
        }
    }

    private static string RandomPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
