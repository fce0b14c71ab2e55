using System.Globalization;
using CaseTracker.Domain.Text;
using CaseTracker.Pipeline;

namespace CaseTracker.Web.Forms;

/// <summary>
/// The fields of a form post or a JSON body, read with the field's name and label: every refusal is a
/// <see cref="UserError"/> whose field is the key and whose message names the label and the rule.
/// </summary>
public sealed class FormValues(IReadOnlyDictionary<string, string?> values)
{
    public const int MaxText = 4000;

    public IReadOnlyDictionary<string, string?> Raw { get; } = CaseInsensitive(values);

    public string? Optional(string key, string label, int max = MaxText)
    {
        var text = Raw.GetValueOrDefault(key)?.Trim();
        if (TextRules.Check(label, text) is { } control)
        {
            throw new UserError(key, control);
        }

        if (text is { Length: > 0 } && text.Length > max)
        {
            throw new UserError(key, $"{label}：最长 {max} 个字符（现为 {text.Length} 个）。");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public string Text(string key, string label, int max = MaxText) =>
        Optional(key, label, max) ?? throw new UserError(key, $"{label}：必须填写。");

    public DateOnly Date(string key, string label) =>
        OptionalDate(key, label) ?? throw new UserError(key, $"{label}：必须填写（yyyy-MM-dd）。");

    public DateOnly? OptionalDate(string key, string label)
    {
        var text = Optional(key, label, 40);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1990 and <= 2200
            ? date
            : throw new UserError(key, $"{label}：“{text}”不是有效日期，应为 yyyy-MM-dd，例如 2024-03-15。");
    }

    public decimal Decimal(string key, string label, decimal min, decimal max)
    {
        var text = Text(key, label, 40);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UserError(key, $"{label}：“{text}”不是 {min} 到 {max} 之间的数。");
    }

    public int Int(string key, string label, int min, int max)
    {
        var value = Decimal(key, label, min, max);
        return value == Math.Truncate(value) ? (int)value : throw new UserError(key, $"{label}：应为整数。");
    }

    public bool Bool(string key) => Raw.GetValueOrDefault(key)?.Trim().ToLowerInvariant() is "true" or "on" or "1" or "yes" or "是";

    /// <summary>One of a closed list, given as its code (the enum name) or its Chinese label.</summary>
    public T Choice<T>(string key, string label, IEnumerable<(T Value, string Label)> choices)
        where T : struct, Enum
    {
        var text = Text(key, label, 200);
        var list = choices.ToList();
        foreach (var (value, name) in list)
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase) || name == text)
            {
                return value;
            }
        }

        throw new UserError(key, $"{label}：“{text}”不是可选的值（可选：{string.Join("、", list.Select(c => c.Label))}）。");
    }

    /// <summary>Several of a closed list, separated by commas (a multi-select posts them joined).</summary>
    public IReadOnlyList<T> Choices<T>(string key, string label, IEnumerable<(T Value, string Label)> choices)
        where T : struct, Enum
    {
        var text = Optional(key, label);
        if (text is null)
        {
            return [];
        }

        var list = choices.ToList();
        return text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => new FormValues(new Dictionary<string, string?> { [key] = item }).Choice(key, label, list))
            .Distinct().ToList();
    }

    private static Dictionary<string, string?> CaseInsensitive(IReadOnlyDictionary<string, string?> values)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }

        return result;
    }
}
