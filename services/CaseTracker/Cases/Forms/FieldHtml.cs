using System.Globalization;
using CaseTracker.Domain.Cases;
using CaseTracker.Web.Forms;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Cases.Forms;

/// <summary>A field as an HTML input with its label (and hint), prefilled from earlier input when a post is shown again.</summary>
public static class FieldHtml
{
    public static string Render(Field field, string formId, CaseState state, IReadOnlyDictionary<string, string?>? values, DateOnly today)
    {
        var id = $"{formId}-{field.Key}";
        var value = values?.GetValueOrDefault(field.Key) ?? (field.Key == "on" ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        var required = field.Required ? " required" : "";
        var hint = field.Hint is null ? "" : $"<small>{E(field.Hint)}</small>";
        var label = $"<label for=\"{E(id)}\">{E(field.Label)}{(field.Required ? "" : "（选填）")}</label>";
        var input = field.Kind switch
        {
            FieldKind.Date => $"<input type=\"date\" id=\"{E(id)}\" name=\"{E(field.Key)}\" value=\"{E(value)}\"{required}>",
            FieldKind.Number => $"<input type=\"number\" step=\"0.01\" min=\"0\" id=\"{E(id)}\" name=\"{E(field.Key)}\" value=\"{E(value)}\"{required}>",
            FieldKind.TextArea => $"<textarea id=\"{E(id)}\" name=\"{E(field.Key)}\" rows=\"2\" maxlength=\"{FormValues.MaxText}\"{required}>{E(value)}</textarea>",
            FieldKind.Checkbox => $"<input type=\"checkbox\" id=\"{E(id)}\" name=\"{E(field.Key)}\" value=\"true\"{(value == "true" ? " checked" : "")}>",
            FieldKind.Select => $"<select id=\"{E(id)}\" name=\"{E(field.Key)}\"{required}><option value=\"\">请选择</option>{Options(field.Options?.Invoke(state) ?? [], value)}</select>",
            FieldKind.MultiSelect => $"<select multiple size=\"4\" id=\"{E(id)}\" name=\"{E(field.Key)}\">{Options(field.Options?.Invoke(state) ?? [], value)}</select>",
            _ => $"<input type=\"text\" id=\"{E(id)}\" name=\"{E(field.Key)}\" value=\"{E(value)}\" maxlength=\"{FormValues.MaxText}\"{required}>",
        };
        return $"<div class=\"field\">{label}{input}{hint}</div>";
    }
}
