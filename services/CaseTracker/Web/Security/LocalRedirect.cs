namespace CaseTracker.Web.Security;

/// <summary>
/// Where a sign-in may send the browser afterwards: a path of this site only. Browsers drop tabs and line breaks from a
/// URL (so "/\t/evil.example" becomes "//evil.example", another host) and treat "\" as "/": any control character,
/// whitespace, backslash, "//" at the start or a scheme makes it "/". Never throws (a line break in a Location header would).
/// </summary>
public static class LocalRedirect
{
    public static string OrRoot(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || url[0] != '/')
        {
            return "/";
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return "/";
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.IsSurrogate(c) || c > '\u007e')
            {
                return "/";
            }
        }

        return url;
    }
}
