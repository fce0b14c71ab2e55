using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;

namespace CaseTracker.Web.Html;

/// <summary>The tiny server-side HTML toolkit: encoding, form plumbing (antiforgery) and field widgets.</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string E(object? value) => E(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>A POST form carrying the antiforgery token.</summary>
    public static string Form(HttpContext context, string action, string body, string? cssClass = null)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var css = cssClass is null ? "" : $" class=\"{E(cssClass)}\"";
        return $"<form method=\"post\" action=\"{E(action)}\"{css}><input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">{body}</form>";
    }

    public static string Options(IEnumerable<(string Value, string Label)> options, string? selected) =>
        string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Label)}</option>"));

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rawRows, string? cssClass = null) =>
        $"<table class=\"{E(cssClass ?? "list")}\"><thead><tr>{string.Concat(headers.Select(h => $"<th>{E(h)}</th>"))}</tr></thead><tbody>"
        + string.Concat(rawRows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>")) + "</tbody></table>";

    public static string Error(string? message) => message is null ? "" : $"<p class=\"error\" role=\"alert\">{E(message)}</p>";

    public static string Notice(string? message) => message is null ? "" : $"<p class=\"notice\" role=\"status\">{E(message)}</p>";
}
