using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Reminders;

/// <summary>The in-app notification list (the daily digests) and each user's digest settings.</summary>
public static class NotificationPages
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/notifications").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", List);
        pages.MapPost("/read", MarkRead);
        pages.MapPost("/settings", SaveSettings);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, DigestRun run, string? saved, CancellationToken ct)
    {
        var user = WebUser.Of(context.User)!;
        return PageResult.Of<NotificationsPage>(new
        {
            Items = await run.NotificationsAsync(user.Name, ct),
            Settings = await run.SettingsAsync(user.Name, ct),
            Receives = user.Role is Role.Caseworker or Role.Supervisor,
            Saved = saved is not null,
        });
    }

    private static async Task<IResult> MarkRead(HttpContext context, DigestRun run, CancellationToken ct)
    {
        await WebForms.ReadFormAsync(context);
        await run.MarkReadAsync(WebUser.Of(context.User)!.Name, ct);
        return Results.Redirect("/notifications");
    }

    private static async Task<IResult> SaveSettings(HttpContext context, DocumentStore documents, CancellationToken ct)
    {
        var form = await WebForms.ReadFormAsync(context);
        var user = WebUser.Of(context.User)!;
        var within = int.TryParse(form.Raw.GetValueOrDefault("within"), out var n) && n is >= 1 and <= 20 ? n
            : throw new UserError("within", "临近期限的工作日数：应为 1 到 20 之间的整数。");
        var lists = Enum.GetValues<DigestList>().Where(l => form.Raw.GetValueOrDefault("list-" + l) is "on" or "1" or "true").ToList();
        var email = form.Raw.GetValueOrDefault("email")?.Trim() is { Length: > 0 } e
            ? e.Length <= 200 && e.Contains('@', StringComparison.Ordinal) ? e : throw new UserError("email", "电子邮箱：格式不对。")
            : null;
        var settings = new DigestSettings(form.Raw.GetValueOrDefault("enabled") is "on" or "1" or "true", within, lists, email);
        await documents.PutAsync(DigestSettings.Collection, user.Name, settings, user.Name, ct: ct);
        return Results.Redirect("/notifications?saved=1");
    }
}
