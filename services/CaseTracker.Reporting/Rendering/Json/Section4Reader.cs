using System.Text.Json;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering.Json;

/// <summary>section4 of the JSON shape: 15 numbers keyed "行政复议/结果维持" ….</summary>
internal static class Section4Reader
{
    public static Section4Table? Read(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("section4", out var section) || section.ValueKind != JsonValueKind.Object)
        {
            errors.Add("缺少“section4”（四、政府信息公开行政复议、行政诉讼情况）。");
            return null;
        }

        var before = errors.Count;
        var values = new int[Section4Layout.Keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var key = Section4Layout.Keys[i];
            if (!section.TryGetProperty(key, out var cell) || !JsonReportReader.TryInt(cell, out values[i]))
            {
                errors.Add($"section4“{key}”缺失或不是整数。");
            }
        }

        return errors.Count > before ? null : new Section4Table(
            AppealCounts.FromValues(values[0..5]), AppealCounts.FromValues(values[5..10]), AppealCounts.FromValues(values[10..15]));
    }
}
