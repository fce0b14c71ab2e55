using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Mail;

/// <summary><c>/admin/mail</c>: the outbox as administrators see it (state, attempts, last error), and sending a failed one again.</summary>
public static class MailPages
{
    public static IEndpointRouteBuilder MapMailAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/mail").RequireAuthorization().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Access().CanAdminister
                ? await next(context)
                : throw new ForbiddenException("只有系统管理员可以查看邮件发送情况。"));
        group.MapGet("/", async (HttpContext c, MailOutbox outbox, string? message) => await PageAsync(c, outbox, message));
        group.MapPost("/retry", async Task<IResult> (HttpContext c, MailOutbox outbox) =>
        {
            var form = await WebForms.ReadFormAsync(c);
            var id = form.Text("id", "邮件编号", 300);
            var message = await outbox.RetryFailedAsync(id, c.RequestAborted) ? "已重新排队发送。" : "这封邮件不是发送失败状态，未作改动。";
            return Results.Redirect("/admin/mail?message=" + Uri.EscapeDataString(message));
        });
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, MailOutbox outbox, string? message)
    {
        var ct = context.RequestAborted;
        return PageResult.Of<MailPage>(new
        {
            outbox.Settings,
            Counts = await outbox.CountsAsync(ct),
            Entries = await outbox.ListAsync(200, ct),
            Message = message,
        });
    }
}
