using System.Collections.Immutable;
using System.Text.Json;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Rendering.Json;

/// <summary>section3.rows of the JSON shape, each row matched to the format's layout by its label (or, failing that, its code).</summary>
internal static class Section3Reader
{
    public static Section3Table? Read(JsonElement root, ReportFormat format, List<string> errors)
    {
        if (!root.TryGetProperty("section3", out var section) || section.ValueKind != JsonValueKind.Object
            || !section.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            errors.Add("缺少“section3.rows”（三、收到和处理政府信息公开申请情况）。");
            return null;
        }

        var layout = Section3Layout.For(format);
        var found = new Dictionary<string, ImmutableArray<int>>();
        var index = 0;
        foreach (var row in rows.EnumerateArray())
        {
            index++;
            if (row.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"section3第{index}行应为对象。");
                continue;
            }

            var label = row.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()!.Trim() : "";
            var code = row.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim() : "";
            var spec = layout.FirstOrDefault(s => s.Label == label) ?? (label.Length == 0 ? layout.FirstOrDefault(s => s.Code == code) : null);
            if (spec is null)
            {
                errors.Add($"section3第{index}行“{(label.Length > 0 ? label : code)}”不是{format.Label()}的行。");
                continue;
            }

            if (found.ContainsKey(spec.Code))
            {
                errors.Add($"{CellNames.Row(spec)}重复出现（section3第{index}行）。");
                continue;
            }

            found[spec.Code] = ReadValues(row, spec, errors);
        }

        foreach (var missing in layout.Where(s => !found.ContainsKey(s.Code)))
        {
            errors.Add($"section3缺少{CellNames.Row(missing)}。");
        }

        return errors.Count > 0 ? null : new Section3Table(format, [.. layout.Select(s => new Section3Row(s.Code, s.Label, found[s.Code]))]);
    }

    private static ImmutableArray<int> ReadValues(JsonElement row, RowSpec spec, List<string> errors)
    {
        var values = new int[ApplicantColumns.Labels.Count];
        if (!row.TryGetProperty("values", out var v) || v.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{CellNames.Row(spec)}缺少“values”。");
            return [.. values];
        }

        for (var c = 0; c < values.Length; c++)
        {
            if (!v.TryGetProperty(ApplicantColumns.Labels[c], out var cell) || !JsonReportReader.TryInt(cell, out values[c]))
            {
                errors.Add($"{CellNames.Cell(spec, c)}缺失或不是整数。");
            }
        }

        return [.. values];
    }
}
