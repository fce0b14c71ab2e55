using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Reports;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Users;

/// <summary>系统管理: users and roles, agencies and their hierarchy, holiday notices. Administrators only.</summary>
public static class AdminPages
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Access().CanAdminister
                ? await next(context)
                : throw new ForbiddenException("只有系统管理员可以进入系统管理。"));
        admin.MapGet("/", (HttpContext c, UserDirectory u, AgencyDirectory a, string? message) => Page(c, u, a, message, null));
        admin.MapPost("/users", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var role = form.Choice("role", "角色", Roles.All);
            await users.CreateAsync(form.Text("name", "用户名", 64), role, form.Optional("agency", "所属机关", 200),
                form.Raw.GetValueOrDefault("password") ?? "", WebUser.Of(c.User)!.Name, c.RequestAborted,
                form.Optional("externalSubject", "统一身份认证标识", 200));
            return "已创建用户。";
        }));
        admin.MapPost("/users/password", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var name = form.Text("name", "用户名", 64);
            await users.ResetPasswordAsync(name, form.Raw.GetValueOrDefault("password") ?? "", WebUser.Of(c.User)!.Name, c.RequestAborted);
            return $"已重设“{name}”的密码；其原有会话已全部结束。";
        }));
        admin.MapPost("/users/disable", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var name = form.Text("name", "用户名", 64);
            if (name == WebUser.Of(c.User)!.Name)
            {
                throw new UserError("name", "用户名：不能停用自己的账户。");
            }

            await users.SetDisabledAsync(name, true, WebUser.Of(c.User)!.Name, c.RequestAborted);
            return $"已停用“{name}”；其会话已全部结束。";
        }));
        admin.MapPost("/users/enable", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var name = form.Text("name", "用户名", 64);
            await users.SetDisabledAsync(name, false, WebUser.Of(c.User)!.Name, c.RequestAborted);
            return $"已启用“{name}”。";
        }));
        admin.MapPost("/agencies", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            await agencies.SaveAsync(
                [new Agency(form.Text("name", "机关名称", 200), form.Optional("parent", "上级机关", 200))], WebUser.Of(c.User)!.Name, c.RequestAborted);
            return "已保存机关。";
        }));
        admin.MapPost("/agencies/numbering", (HttpContext c, UserDirectory users, AgencyDirectory agencies) => Handle(c, users, agencies, async form =>
        {
            var agency = await agencies.SetNumberingAsync(form.Text("name", "机关", 200), form.Optional("code", "机关代码", 20),
                form.Optional("pattern", "编号规则", 100),
                WebUser.Of(c.User)!.Name, c.RequestAborted);
            return agency.NumberPattern is null
                ? $"已保存“{agency.Name}”：不建议编号。"
                : $"已保存“{agency.Name}”的编号规则 {agency.NumberPattern}。";
        }));
        admin.MapPost("/calendar", (
            HttpContext c, UserDirectory users, AgencyDirectory agencies, PolicySource policies, ReadModelSet readModels, ReadModelCache cache, TimeProvider time) =>
            Handle(c, users, agencies, async form =>
        {
            var years = await policies.LoadNoticeAsync(form.Text("csv", "节假日通知", 100_000), WebUser.Of(c.User)!.Name, time, c.RequestAborted);
            var refreshed = await readModels.RefreshOpenDeadlinesAsync(c.RequestAborted);
            cache.Invalidate();
            return $"已载入 {string.Join("、", years)} 年的节假日安排，期限计算即时生效；已更新 {refreshed} 件未办结案件的期限。";
        }));
        admin.MapSection2();
        Erasure.ErasurePages.MapErasure(admin);
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

    private static async Task<IResult> Page(
        HttpContext context, UserDirectory users, AgencyDirectory agencies, string? message, string? error, int status = 200)
    {
        var ct = context.RequestAborted;
        var allAgencies = (await agencies.ListAsync(ct))
            .OrderBy(a => a.Parent ?? "", StringComparer.Ordinal)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return PageResult.Of<AdminPage>(new { Users = await users.ListAsync(ct), Agencies = allAgencies, Message = message, Error = error }, status);
    }
}
