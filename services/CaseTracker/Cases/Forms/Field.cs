using CaseTracker.Domain.Cases;

namespace CaseTracker.Cases.Forms;

public enum FieldKind
{
    Date,
    Text,
    TextArea,
    Number,
    Select,
    MultiSelect,
    Checkbox,
}

/// <summary>One input of a form: its key (also the JSON property of the API), label, kind and choices.</summary>
public sealed record Field(string Key, string Label, FieldKind Kind, bool Required = true, string? Hint = null)
{
    /// <summary>The choices of a select, from the case as it stands (e.g. its open consultations).</summary>
    public Func<CaseState, IReadOnlyList<(string Value, string Label)>>? Options { get; init; }

    public static Field On(string label = "日期") => new("on", label, FieldKind.Date);

    public static Field Reason => new("reason", "更正理由", FieldKind.TextArea);

    public static Field Select<T>(string key, string label, IEnumerable<(T Value, string Label)> choices, bool required = true)
        where T : struct, Enum
    {
        var options = choices.Select(c => (c.Value.ToString(), c.Label)).ToList();
        return new Field(key, label, FieldKind.Select, required) { Options = _ => options };
    }
}
