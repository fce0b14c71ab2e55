namespace CaseTracker.Contracts;

// Answered by CaseTracker at GET /api/me to whoever presents a valid sign-in (its cookie or HTTP Basic). CaseTracker's
// user directory is the one place staff, roles and agencies live; LitigationTracker asks it instead of keeping its own.

/// <summary>A member of staff as CaseTracker knows them.</summary>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
/// <param name="Agency">The agency the account works for; null for an administrator or an auditor of every agency.</param>
/// <param name="Agencies">The agencies in reach (own agency, plus those under it where the role allows); null: every agency.</param>
public sealed record StaffIdentityV1(string Name, string Role, string? Agency, IReadOnlyList<string>? Agencies)
{
    public const string Path = "/api/me";

    public bool CanSee(string agency) => Agencies is null || Agencies.Contains(agency, StringComparer.Ordinal);
}

/// <summary>The role names of CaseTracker's accounts.</summary>
public static class StaffRoles
{
    public const string Caseworker = "Caseworker";
    public const string Supervisor = "Supervisor";
    public const string LegalOfficer = "LegalOfficer";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";
}
