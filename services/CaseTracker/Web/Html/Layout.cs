using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Web.Html;

/// <summary>The page frame: title, navigation for the signed-in user's role, sign-out.</summary>
public static class Layout
{
    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        var user = WebUser.Of(context.User);
        var nav = user is null ? "" : Nav(context, user);
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · 政府信息公开申请办理</title><link rel="stylesheet" href="/site.css"></head>
            <body><header><span class="brand">政府信息公开申请办理</span>{nav}</header>
            <main><h1>{E(title)}</h1>
            {body}
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static string Nav(HttpContext context, WebUser user)
    {
        var links = new List<(string Href, string Label)> { ("/cases", "案件"), ("/dashboard", "期限监督"), ("/reports", "年度报告") };
        if (user.Role == Role.Administrator)
        {
            links.Add(("/admin", "系统管理"));
        }

        var agency = user.Agency is null ? "" : $"（{E(user.Agency)}）";
        return "<nav>" + string.Concat(links.Select(l => $"<a href=\"{l.Href}\">{E(l.Label)}</a>"))
            + $"<span class=\"who\">{E(user.Name)} · {E(Roles.Label(user.Role))}{agency}</span>"
            + Form(context, "/logout", "<button type=\"submit\" class=\"link\">退出</button>", "inline") + "</nav>";
    }
}
