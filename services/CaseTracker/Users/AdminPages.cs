using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Pipeline;
using CaseTracker.Reports;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.Html;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Users;

/// <summary>系统管理: users and roles, agencies and their hierarchy, holiday notices. Administrators only.</summary>
public static class AdminPages
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Access().CanAdminister ? await next(context) : throw new ForbiddenException("只有系统管理员可以进入系统管理。"));
        admin.MapGet("/", (HttpContext c, UserDirectory u, AgencyDirectory a, string? message) => Page(c, u, a, message, null));
        admin.MapPost("/users", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var role = form.Choice("role", "角色", Roles.All);
            await users.CreateAsync(form.Text("name", "用户名", 64), role, form.Optional("agency", "所属机关", 200),
                form.Raw.GetValueOrDefault("password") ?? "", WebUser.Of(c.User)!.Name, c.RequestAborted, form.Optional("externalSubject", "统一身份认证标识", 200));
            return "已创建用户。";
        }));
        admin.MapPost("/users/password", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var name = form.Text("name", "用户名", 64);
            await users.ResetPasswordAsync(name, form.Raw.GetValueOrDefault("password") ?? "", WebUser.Of(c.User)!.Name, c.RequestAborted);
            return $"已重设“{name}”的密码并解除锁定。";
        }));
        admin.MapPost("/agencies", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            await agencies.SaveAsync([new Agency(form.Text("name", "机关名称", 200), form.Optional("parent", "上级机关", 200))], WebUser.Of(c.User)!.Name, c.RequestAborted);
            return "已保存机关。";
        }));
        admin.MapPost("/calendar", (HttpContext c, UserDirectory users, AgencyDirectory agencies, PolicySource policies, TimeProvider time) => Handle(c, users, agencies, async form =>
        {
            var years = await policies.LoadNoticeAsync(form.Text("csv", "节假日通知", 100_000), WebUser.Of(c.User)!.Name, time, c.RequestAborted);
            return $"已载入 {string.Join("、", years)} 年的节假日安排，期限计算即时生效；案件列表中已存的期限在执行 casetracker projections rebuild 后更新。";
        }));
        admin.MapSection2();
        return app;
    }

    private static async Task<IResult> Handle(HttpContext context, UserDirectory users, AgencyDirectory agencies, Func<FormValues, Task<string>> action)
    {
        var form = await WebForms.ReadFormAsync(context);
        try
        {
            return Results.Redirect("/admin?message=" + Uri.EscapeDataString(await action(form)));
        }
        catch (Exception error) when (Problem.From(error) is { Status: 400 or 409 or 422 } problem)
        {
            return await Page(context, users, agencies, null, problem.Detail, problem.Status);
        }
    }

    private static async Task<IResult> Page(HttpContext context, UserDirectory users, AgencyDirectory agencies, string? message, string? error, int status = 200)
    {
        var ct = context.RequestAborted;
        var allAgencies = (await agencies.ListAsync(ct)).OrderBy(a => a.Parent ?? "", StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        var agencyOptions = allAgencies.Select(a => (a.Name, a.Name)).ToList();
        var userTable = Table(["用户名", "角色", "所属机关", "状态"], (await users.ListAsync(ct)).Select(u => (IReadOnlyList<string>)
            [E(u.Name), E(Roles.Label(u.Role)), E(u.Agency ?? "—"), u.LockedUntil > DateTimeOffset.UtcNow ? "已锁定" : "正常"]));
        var userForm = Form(context, "/admin/users", $"""
            <div class="field"><label for="u-name">用户名</label><input id="u-name" name="name" required></div>
            <div class="field"><label for="u-role">角色</label><select id="u-role" name="role" required>{Options(Roles.All.Select(r => (r.Role.ToString(), r.Label)), null)}</select></div>
            <div class="field"><label for="u-agency">所属机关</label><select id="u-agency" name="agency"><option value="">（无：系统管理员或全部机关的审计人员）</option>{Options(agencyOptions, null)}</select></div>
            <div class="field"><label for="u-password">初始密码（至少 {UserDirectory.MinPasswordLength} 位）</label><input id="u-password" name="password" type="password" autocomplete="new-password" required></div>
            <div class="field"><label for="u-sub">统一身份认证标识（选填，OpenID Connect 的 sub）</label><input id="u-sub" name="externalSubject"></div>
            <button type="submit">创建用户</button>
            """, "stacked");
        var resetForm = Form(context, "/admin/users/password", $"""
            <div class="field"><label for="r-name">用户名</label><select id="r-name" name="name" required>{Options((await users.ListAsync(ct)).Select(u => (u.Name, u.Name)), null)}</select></div>
            <div class="field"><label for="r-password">新密码（至少 {UserDirectory.MinPasswordLength} 位）</label><input id="r-password" name="password" type="password" autocomplete="new-password" required></div>
            <button type="submit">重设密码并解除锁定</button>
            """, "stacked");
        var agencyTable = Table(["机关", "上级机关"], allAgencies.Select(a => (IReadOnlyList<string>)[E(a.Name), E(a.Parent ?? "—")]));
        var agencyForm = Form(context, "/admin/agencies", $"""
            <div class="field"><label for="a-name">机关名称</label><input id="a-name" name="name" required></div>
            <div class="field"><label for="a-parent">上级机关</label><select id="a-parent" name="parent"><option value="">（无）</option>{Options(agencyOptions, null)}</select></div>
            <button type="submit">保存机关</button>
            """, "stacked");
        var calendarForm = Form(context, "/admin/calendar", """
            <div class="field"><label for="c-csv">节假日通知（CSV：date,kind,notice；kind 为 holiday 或 workday）</label>
            <textarea id="c-csv" name="csv" rows="6" required placeholder="date,kind,notice&#10;2027-01-01,holiday,元旦"></textarea></div>
            <button type="submit">载入</button>
            """, "stacked");
        var body = Notice(message) + Error(error)
            + "<section id=\"users\"><h2>用户和角色</h2>" + userTable + userForm + "<h2>重设密码</h2>" + resetForm + "</section>"
            + "<section id=\"agencies\"><h2>机关及隶属关系</h2>" + agencyTable + agencyForm + "</section>"
            + "<section id=\"section2\"><h2>年度报告第二部分</h2><p><a href=\"/admin/section2\">录入主动公开政府信息情况</a></p></section>"
            + "<section id=\"calendar\"><h2>节假日安排（国务院办公厅通知）</h2>" + calendarForm + "</section>";
        return Layout.Page(context, "系统管理", body, status);
    }
}
