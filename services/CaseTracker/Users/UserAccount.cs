using CaseTracker.Pipeline;

namespace CaseTracker.Users;

/// <summary>A user of the web application, kept in the document store (collection "users", key = user name).</summary>
/// <param name="Agency">The agency the user works for; null for an administrator or an auditor of every agency.</param>
/// <param name="FailedAttempts">No longer used (the throttle is <see cref="SignInThrottle"/>); kept so old documents read.</param>
/// <param name="LockedUntil">No longer used; kept so old documents read.</param>
/// <param name="ExternalSubject">The OpenID Connect subject mapped to this account, if any.</param>
/// <param name="SecurityStamp">
/// Changes on sign-out, password change or reset, and disable; every session carries the stamp it was issued with and is
/// refused once it differs (checked on each request).
/// </param>
/// <param name="Disabled">A disabled user cannot sign in and their sessions end at once.</param>
/// <param name="MustChangePassword">Set for the first administrator: every page leads to the password change until done.</param>
public sealed record UserAccount(
    string Name,
    Role Role,
    string? Agency,
    string PasswordHash,
    int FailedAttempts = 0,
    DateTimeOffset? LockedUntil = null,
    string? ExternalSubject = null,
    string? SecurityStamp = null,
    bool Disabled = false,
    bool MustChangePassword = false);

public abstract record SignInResult
{
    private SignInResult()
    {
    }

    public sealed record Success(UserAccount Account) : SignInResult;

    /// <summary>Wrong name, wrong password or disabled account: one answer for all three.</summary>
    public sealed record Failed : SignInResult;

    /// <summary>Too many failures from this source for this name (known or not): wait, then try again.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInResult;
}
