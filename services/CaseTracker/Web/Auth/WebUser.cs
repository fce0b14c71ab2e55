using System.Security.Claims;
using CaseTracker.Pipeline;

namespace CaseTracker.Web.Auth;

/// <summary>The signed-in person as the cookie (or Basic credentials) carries them: no personal data, only the account.</summary>
public sealed record WebUser(string Name, Role Role, string? Agency)
{
    public const string AgencyClaim = "casetracker:agency";

    /// <summary>The account's security stamp when the session was issued (see <see cref="SessionValidation"/>).</summary>
    public const string StampClaim = "casetracker:stamp";

    /// <summary>Present while the account must change its password before doing anything else.</summary>
    public const string MustChangePasswordClaim = "casetracker:must-change-password";

    public static ClaimsPrincipal PrincipalOf(CaseTracker.Users.UserAccount account, string scheme)
    {
        var principal = new WebUser(account.Name, account.Role, account.Agency).ToPrincipal(scheme);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(StampClaim, account.SecurityStamp ?? ""));
        if (account.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return principal;
    }

    public static WebUser? Of(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, Name: { } name }
        && Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role)
            ? new WebUser(name, role, principal.FindFirstValue(AgencyClaim))
            : null;

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name), new(ClaimTypes.Role, Role.ToString()) };
        if (Agency is not null)
        {
            claims.Add(new Claim(AgencyClaim, Agency));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

public static class Roles
{
    public static readonly IReadOnlyList<(Role Role, string Label)> All =
    [
        (Role.Caseworker, "经办人"),
        (Role.Supervisor, "监督人员"),
        (Role.LegalOfficer, "法制人员"),
        (Role.Administrator, "系统管理员"),
        (Role.Auditor, "审计人员（只读）"),
    ];

    public static string Label(Role role) => All.First(r => r.Role == role).Label;

    /// <summary>Whether the applicant's personal data may be shown: only to those who work the case's agency.</summary>
    public static bool SeesPersonalData(this Access access, Role role, string agency) =>
        role is Role.Caseworker or Role.Supervisor && access.CanSee(agency);
}
