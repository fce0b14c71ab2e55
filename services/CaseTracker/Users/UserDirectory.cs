using CaseTracker.Agencies;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.Identity;

namespace CaseTracker.Users;

/// <summary>Accounts, passwords (PBKDF2 via <see cref="PasswordHasher{TUser}"/>) and lockout after repeated failures.</summary>
public sealed class UserDirectory(DocumentStore documents, AgencyDirectory agencies, TimeProvider time)
{
    public const string Collection = "users";
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct) =>
        (await documents.ListAsync<UserAccount>(Collection, ct)).Select(d => d.Value).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();

    public async Task<UserAccount?> FindAsync(string name, CancellationToken ct) =>
        (await documents.GetAsync<UserAccount>(Collection, name, ct))?.Value;

    public async Task<UserAccount> CreateAsync(
        string name, Role role, string? agency, string password, string by, CancellationToken ct, string? externalSubject = null)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsWhiteSpace))
        {
            throw new UserError("name", "用户名：不能为空、不能含空格，最长 64 个字符。");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new UserError("password", $"密码：至少 {MinPasswordLength} 个字符。");
        }

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
            ExternalSubject: string.IsNullOrWhiteSpace(externalSubject) ? null : externalSubject.Trim());
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

    /// <summary>An administrator sets a new password; this also lifts a lockout.</summary>
    public async Task ResetPasswordAsync(string name, string password, string by, CancellationToken ct)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new UserError("password", $"密码：至少 {MinPasswordLength} 个字符。");
        }

        var document = await documents.GetAsync<UserAccount>(Collection, name.Trim(), ct)
            ?? throw new UserError("name", $"用户名：“{name}”不存在。");
        var account = document.Value with { PasswordHash = Hasher.HashPassword(null!, password), FailedAttempts = 0, LockedUntil = null };
        await documents.PutAsync(Collection, account.Name, account, by, document.Version, ct);
    }

    /// <summary>Checks a password; 5 failures in a row lock the account for 15 minutes (the lock is kept in the store).</summary>
    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var document = await documents.GetAsync<UserAccount>(Collection, name.Trim(), ct);
            if (document is null)
            {
                Hasher.VerifyHashedPassword(null!, Dummy, password);
                return new SignInResult.Failed();
            }

            var account = document.Value;
            var now = time.GetUtcNow();
            if (account.LockedUntil is { } until && until > now)
            {
                return new SignInResult.Locked(until);
            }

            var ok = Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
            var failures = ok ? 0 : account.FailedAttempts + 1;
            var updated = account with
            {
                FailedAttempts = failures >= MaxFailedAttempts ? 0 : failures,
                LockedUntil = failures >= MaxFailedAttempts ? now + LockoutPeriod : null,
            };
            try
            {
                if (updated != account)
                {
                    await documents.PutAsync(Collection, account.Name, updated, "sign-in", document.Version, ct);
                }
            }
            catch (DocumentConflictException)
            {
                continue;
            }

            return ok ? new SignInResult.Success(updated) : updated.LockedUntil is { } locked ? new SignInResult.Locked(locked) : new SignInResult.Failed();
        }

        return new SignInResult.Failed();
    }

    /// <summary>The account an OpenID Connect subject is mapped to (by subject, else by user name).</summary>
    public async Task<UserAccount?> FindExternalAsync(string? subject, string? name, CancellationToken ct)
    {
        var all = await ListAsync(ct);
        return all.FirstOrDefault(u => subject is not null && u.ExternalSubject == subject) ?? all.FirstOrDefault(u => u.Name == name);
    }

    private static readonly string Dummy = Hasher.HashPassword(null!, "not-a-real-password");
}
