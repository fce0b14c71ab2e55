using CaseTracker.Pipeline;

namespace CaseTracker.Users;

/// <summary>A user of the web application, kept in the document store (collection "users", key = user name).</summary>
/// <param name="Agency">The agency the user works for; null for an administrator or an auditor of every agency.</param>
/// <param name="ExternalSubject">The OpenID Connect subject mapped to this account, if any.</param>
public sealed record UserAccount(
    string Name,
    Role Role,
    string? Agency,
    string PasswordHash,
    int FailedAttempts = 0,
    DateTimeOffset? LockedUntil = null,
    string? ExternalSubject = null);

public abstract record SignInResult
{
    private SignInResult()
    {
    }

    public sealed record Success(UserAccount Account) : SignInResult;

    public sealed record Failed : SignInResult;

    public sealed record Locked(DateTimeOffset Until) : SignInResult;
}
