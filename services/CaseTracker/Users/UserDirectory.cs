using CaseTracker.Agencies;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.Identity;

namespace CaseTracker.Users;

/// <summary>
/// Accounts, passwords (PBKDF2 via <see cref="PasswordHasher{TUser}"/>), the security stamp that ends sessions, disabling,
/// and the sign-in check (throttled by <see cref="SignInThrottle"/>, never a lock on the account).
/// </summary>
public sealed class UserDirectory(DocumentStore documents, AgencyDirectory agencies, SignInThrottle throttle)
{
    public const string Collection = "users";
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    private static readonly TimeSpan HashingQueueTimeout = TimeSpan.FromSeconds(5);

    private static readonly SemaphoreSlim Hashing = new(Math.Max(1, Environment.ProcessorCount - 1));

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct) =>
        (await documents.ListAsync<UserAccount>(Collection, ct)).Select(d => d.Value).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();

    public async Task<UserAccount?> FindAsync(string name, CancellationToken ct) =>
        (await documents.GetAsync<UserAccount>(Collection, name, ct))?.Value;

    public async Task<UserAccount> CreateAsync(
        string name, Role role, string? agency, string password, string by, CancellationToken ct, string? externalSubject = null,
        bool mustChangePassword = false)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsWhiteSpace) || name.Any(char.IsControl))
        {
            throw new UserError("name", "用户名：不能为空、不能含空格或控制字符，最长 64 个字符。");
        }

        CheckPassword(password);
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
        if (agency is null && role is Role.Caseworker or Role.Supervisor or Role.LegalOfficer)
        {
            throw new UserError("agency", "所属机关：经办人、监督人员和法制人员必须指定所属机关。");
        }

        if (agency is not null && (await agencies.ListAsync(ct)).All(a => a.Name != agency))
        {
            throw new UserError("agency", $"所属机关：机关“{agency}”未登记。");
        }

        var account = new UserAccount(name, role, agency, Hasher.HashPassword(null!, password),
            ExternalSubject: string.IsNullOrWhiteSpace(externalSubject) ? null : externalSubject.Trim(),
            SecurityStamp: NewStamp(), MustChangePassword: mustChangePassword);
        try
        {
            await documents.PutAsync(Collection, name, account, by, expectedVersion: 0, ct);
        }
        catch (DocumentConflictException)
        {
            throw new UserError("name", $"用户名：“{name}”已存在。");
        }

        return account;
    }

    /// <summary>An administrator sets a new password: every session of the user ends (new stamp).</summary>
    public async Task<UserAccount> ResetPasswordAsync(string name, string password, string by, CancellationToken ct)
    {
        CheckPassword(password);
        var account = await UpdateAsync(name, by, a => a with { PasswordHash = Hasher.HashPassword(null!, password), FailedAttempts = 0, LockedUntil = null }, ct);
        throttle.Clear(name);
        return account;
    }

    /// <summary>The user changes their own password (the current one is checked); other sessions end, the caller re-issues its own.</summary>
    public async Task<UserAccount> ChangePasswordAsync(string name, string current, string password, CancellationToken ct)
    {
        var account = await FindAsync(name, ct) ?? throw new UserError("name", $"用户名：“{name}”不存在。");
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            throw new UserError("current", "当前密码：不正确。");
        }

        CheckPassword(password);
        if (password == current)
        {
            throw new UserError("password", "新密码：不能与当前密码相同。");
        }

        return await UpdateAsync(name, name, a => a with { PasswordHash = Hasher.HashPassword(null!, password), MustChangePassword = false }, ct);
    }

    /// <summary>Disables (or enables again) a user; disabling ends every session of the user at once.</summary>
    public Task<UserAccount> SetDisabledAsync(string name, bool disabled, string by, CancellationToken ct) =>
        UpdateAsync(name, by, a => a with { Disabled = disabled }, ct);

    /// <summary>Ends every session of the user (sign-out).</summary>
    public Task<UserAccount> RevokeSessionsAsync(string name, CancellationToken ct) => UpdateAsync(name, name, a => a, ct);

    /// <summary>
    /// Checks a password. The answer is the same for an unknown name, a wrong password and a disabled account (and takes
    /// the same hashing time); repeated failures from one source are throttled, not the account.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string name, string password, string source, CancellationToken ct)
    {
        name = name.Trim();
        if (throttle.Wait(name, source) is { Ticks: > 0 } wait)
        {
            return new SignInResult.Throttled(wait);
        }

        var account = name.Length is 0 or > 64 ? null : await FindAsync(name, ct);
        // PBKDF2 costs tens of milliseconds of a core: at most (cores - 1) at a time, so that a flood of guesses
        // queues here while every other request (cookies, remembered Basic credentials) keeps a core.
        if (!await Hashing.WaitAsync(HashingQueueTimeout, ct))
        {
            return new SignInResult.Throttled(TimeSpan.FromSeconds(1));
        }

        bool ok;
        try
        {
            if (account is null)
            {
                // The same hashing time as for a real account, so the answer's timing does not tell whether the name exists.
                Hasher.VerifyHashedPassword(null!, Dummy, password);
                ok = false;
            }
            else
            {
                ok = Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
            }
        }
        finally
        {
            Hashing.Release();
        }

        if (!ok || account is null || account.Disabled)
        {
            throttle.Failed(name, source);
            return new SignInResult.Failed();
        }

        throttle.Succeeded(name, source);
        if (account.SecurityStamp is null)
        {
            account = await UpdateAsync(name, "sign-in", a => a, ct);
        }

        return new SignInResult.Success(account);
    }

    /// <summary>The account an OpenID Connect subject is mapped to (by subject, else by user name); null when disabled.</summary>
    public async Task<UserAccount?> FindExternalAsync(string? subject, string? name, CancellationToken ct)
    {
        var all = await ListAsync(ct);
        var account = all.FirstOrDefault(u => subject is not null && u.ExternalSubject == subject) ?? all.FirstOrDefault(u => u.Name == name);
        return account is { Disabled: true } ? null : account;
    }

    /// <summary>Applies a change and gives the account a new security stamp (retrying on a concurrent write).</summary>
    private async Task<UserAccount> UpdateAsync(string name, string by, Func<UserAccount, UserAccount> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var document = await documents.GetAsync<UserAccount>(Collection, name.Trim(), ct)
                ?? throw new UserError("name", $"用户名：“{name}”不存在。");
            var account = change(document.Value) with { SecurityStamp = NewStamp() };
            try
            {
                await documents.PutAsync(Collection, account.Name, account, by, document.Version, ct);
                return account;
            }
            catch (DocumentConflictException) when (attempt < 5)
            {
            }
        }
    }

    private static void CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new UserError("password", $"密码：至少 {MinPasswordLength} 个字符。");
        }

        if (password.Length > 1024 || password.Any(char.IsControl))
        {
            throw new UserError("password", "密码：最长 1024 个字符，不能含控制字符（如换行）。");
        }
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static readonly string Dummy = Hasher.HashPassword(null!, "not-a-real-password");
}
