using System.Security.Claims;
using System.Text.Encodings.Web;
using CaseTracker.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LitigationTracker.Auth;

/// <summary>
/// Every request is authenticated against CaseTracker's accounts (<see cref="StaffDirectory"/>): HTTP Basic with a
/// CaseTracker user name and password, or CaseTracker's sign-in cookie when both are served under one site. No
/// credential: 401; a refused one: 401; CaseTracker unreachable: 503 with Retry-After (fail closed, never open).
/// </summary>
public sealed class StaffAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CaseTracker";

    /// <summary>The name of CaseTracker's sign-in cookie (services/CaseTracker/Web/WebServices.cs).</summary>
    public const string CaseTrackerCookie = "casetracker";

    private const string UnavailableKey = "litigation.staff-directory-unavailable";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        (string Header, string Value)? credential =
            Request.Headers.Authorization.ToString() is { } authorization && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                ? ("Authorization", authorization)
                : Request.Cookies.TryGetValue(CaseTrackerCookie, out var cookie) && !string.IsNullOrEmpty(cookie)
                    ? ("Cookie", $"{CaseTrackerCookie}={cookie}")
                    : null;
        if (credential is not { } c)
        {
            return AuthenticateResult.NoResult();
        }

        switch (await directory.VerifyAsync(c.Header, c.Value, Context.RequestAborted))
        {
            case StaffLookup.Known known:
                Context.Items[typeof(StaffIdentityV1)] = known.Staff;
                var claims = new List<Claim> { new(ClaimTypes.Name, known.Staff.Name), new(ClaimTypes.Role, known.Staff.Role) };
                return AuthenticateResult.Success(new AuthenticationTicket(
                    new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role)), SchemeName));
            case StaffLookup.Unavailable unavailable:
                Context.Items[UnavailableKey] = unavailable.Reason;
                return AuthenticateResult.Fail("CaseTracker 用户目录无法访问");
            default:
                return AuthenticateResult.Fail("用户名或密码错误");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(UnavailableKey))
        {
            Response.Headers.RetryAfter = "5";
            return Results.Problem("暂时无法向 CaseTracker 核验身份，请稍后重试。", statusCode: 503, title: "身份核验暂不可用").ExecuteAsync(Context);
        }

        Response.Headers.WWWAuthenticate = "Basic realm=\"casetracker\", charset=\"UTF-8\"";
        return Results.Problem("请使用 CaseTracker 的账户登录（HTTP Basic 或 CaseTracker 的登录 Cookie）；用户名或密码错误、账户已锁定或已退出时也会如此答复。",
            statusCode: 401, title: "未登录").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("您无权进行此操作。", statusCode: 403, title: "无权操作").ExecuteAsync(Context);
}

public static class Staff
{
    /// <summary>The authenticated member of staff of this request (the endpoints require authentication).</summary>
    public static StaffIdentityV1 Of(HttpContext context) =>
        context.Items[typeof(StaffIdentityV1)] as StaffIdentityV1 ?? throw new InvalidOperationException("request not authenticated");

    /// <summary>Legal staff (法制人员) record reconsiderations and lawsuits for the agencies in their reach; everyone else reads.</summary>
    public static bool CanRecord(this StaffIdentityV1 staff, string agency) => staff.Role == StaffRoles.LegalOfficer && staff.CanSee(agency);

    public static IResult NotLegalStaff() =>
        Results.Problem("只有法制人员可以登记行政复议、行政诉讼及其审结；其他角色只能查看本机关的案件。", statusCode: 403, title: "无权操作");

    /// <summary>A case of an agency outside the user's reach (the answer does not name the agency).</summary>
    public static IResult OutOfReach() =>
        Results.Problem("该案件不属于您所在机关（或其下属机关），您无权查看或登记。", statusCode: 403, title: "无权操作");
}
