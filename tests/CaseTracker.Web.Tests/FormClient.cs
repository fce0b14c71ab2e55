using System.Net;
using System.Text.RegularExpressions;

namespace CaseTracker.Web.Tests;

/// <summary>Posts forms as a browser would: fetches the page, takes its antiforgery token, keeps the cookies.</summary>
public sealed partial class FormClient(HttpClient http, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>The client's cookies (when the fixture made it with a container).</summary>
    public CookieContainer Cookies { get; } = cookies ?? new CookieContainer();

    public async Task<HttpResponseMessage> SignInAsync(string user, string password)
    {
        var page = await Http.GetStringAsync("/login");
        return await PostAsync("/login", Token(page), new() { ["name"] = user, ["password"] = password });
    }

    public async Task<string> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form found on <paramref name="pagePath"/> (its token) with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string action, Dictionary<string, string> fields) =>
        await PostAsync(action, Token(await GetPageAsync(pagePath)), fields);

    public Task<HttpResponseMessage> PostAsync(string action, string? token, Dictionary<string, string> fields)
    {
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string Token(string page) => TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");

    public static string Version(string page, string kind) =>
        Regex.Match(page, $"action=\"/cases/[0-9a-f-]+/milestones/{kind}\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"[^\"]+\" ?/?><input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
