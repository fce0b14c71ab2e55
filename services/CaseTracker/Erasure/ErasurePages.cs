using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Erasure;

/// <summary>
/// 删除个人信息 on the administrators' pages (<c>/admin/erasure</c>, inside the /admin group: administrators only): erase a
/// case's or an applicant's personal data with a reason and a confirmation, the retention rules per agency, a run now,
/// and the report (the runs, the erasures).
/// </summary>
public static class ErasurePages
{
    public const string Confirmation = "confirm";

    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder admin)
    {
        admin.MapGet("/erasure", (HttpContext c, string? message, string? agency, string? number) =>
            Page(c, message, null, 200, new Dictionary<string, string?> { ["agency"] = agency, ["number"] = number }));
        admin.MapPost("/erasure/case", (HttpContext c, PersonalDataEraser eraser) => Handle(c, async form =>
        {
            Confirmed(form);
            var erased = await eraser.EraseCaseAsync(form.Optional("agency", "机关", 200), form.Optional("number", "编号", 100),
                form.Optional("reason", "删除理由", 500), By(c), c.RequestAborted);
            return erased.AlreadyErased
                ? $"{erased.Agency} {erased.CaseNumber} 的个人信息此前已删除；已再次确认密钥已销毁。"
                : $"已删除 {erased.Agency} {erased.CaseNumber} 的申请人个人信息（不可恢复）。";
        }));
        admin.MapPost("/erasure/applicant", (HttpContext c, PersonalDataEraser eraser) => Handle(c, async form =>
        {
            Confirmed(form);
            var hash = form.Optional("idHash", "身份证号散列", 64);
            if (form.Optional("idNumber", "身份证号", 40) is { } idNumber)
            {
                hash = await eraser.IdHashAsync(idNumber, c.RequestAborted)
                    ?? throw new UserError("idNumber", "idNumber（身份证号）：没有可用的字符（只计字母和数字）。");
            }
            else if (hash is null)
            {
                throw new UserError("idNumber", "idNumber（身份证号）：必须填写申请人的身份证号，或其散列。");
            }

            var erased = await eraser.EraseApplicantAsync(hash, form.Optional("reason", "删除理由", 500), By(c), c.RequestAborted);
            return $"已删除该申请人 {erased.Count} 件案件的个人信息（不可恢复）：{string.Join("、", erased.Select(e => $"{e.Agency} {e.CaseNumber}"))}。";
        }));
        admin.MapPost("/erasure/retention", (HttpContext c, Retention retention) => Handle(c, async form =>
        {
            var rule = await retention.SetAsync(form.Optional("agency", "机关", 200), form.Optional("years", "保存年限", 10), By(c), c.RequestAborted);
            return rule is null ? "已取消该机关的保存期限规则。" : $"已保存：{rule.Agency}的申请人个人信息于结案满 {rule.Years} 年后删除。";
        }));
        admin.MapPost("/erasure/run", (HttpContext c, Retention retention, TimeProvider time) => Handle(c, async form =>
        {
            Confirmed(form);
            var run = await retention.RunAsync(time.Today(), By(c), scheduled: false, c.RequestAborted);
            return $"已按保存期限规则删除 {run.Total} 件案件的申请人个人信息。";
        }));
        return admin;
    }

    private static string By(HttpContext c) => WebUser.Of(c.User)!.Name;

    private static void Confirmed(FormValues form)
    {
        if (!form.Bool(Confirmation))
        {
            throw new UserError(Confirmation, "confirm（确认）：删除个人信息不可恢复，请勾选“我确认删除，且不可恢复”后再提交。");
        }
    }

    private static async Task<IResult> Handle(HttpContext context, Func<FormValues, Task<string>> action)
    {
        var form = await WebForms.ReadFormAsync(context);
        try
        {
            return Results.Redirect("/admin/erasure?message=" + Uri.EscapeDataString(await action(form)));
        }
        catch (Exception error) when (Problem.From(error) is { Status: 400 or 404 or 409 or 412 or 422 } problem)
        {
            return await Page(context, null, problem.Detail, problem.Status, form.Raw);
        }
    }

    private static async Task<IResult> Page(HttpContext context, string? message, string? error, int status, IReadOnlyDictionary<string, string?> values)
    {
        var ct = context.RequestAborted;
        var services = context.RequestServices;
        var retention = services.GetRequiredService<Retention>();
        var agencies = (await services.GetRequiredService<AgencyDirectory>().ListAsync(ct)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        var queries = services.GetRequiredService<ErasureQueries>();
        return PageResult.Of<ErasurePage>(new
        {
            Agencies = agencies,
            Rules = await retention.RulesAsync(ct),
            Runs = (await retention.RunsAsync(ct)).Take(50).ToList(),
            Erasures = await queries.ListAsync(null, 200, ct),
            Count = await queries.CountAsync(ct),
            Message = message,
            Error = error,
            Values = values,
        }, status);
    }
}
