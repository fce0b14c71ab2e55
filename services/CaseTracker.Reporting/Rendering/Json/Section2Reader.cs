using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering.Json;

/// <summary>section2 of the JSON shape: per caption its columns and rows ("label": [values]); amounts may be strings.</summary>
internal static class Section2Reader
{
    public static ProactiveDisclosure? Read(JsonElement section, string agency, int year, ReportFormat format, List<string> errors)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            errors.Add("“section2”（二、主动公开政府信息情况）应为对象。");
            return null;
        }

        var tables = new List<ProactiveTable>();
        foreach (var table in section.EnumerateObject())
        {
            if (table.Value.ValueKind != JsonValueKind.Object || !table.Value.TryGetProperty("columns", out var cols) || cols.ValueKind != JsonValueKind.Array
                || !table.Value.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"section2“{table.Name}”缺少“columns”或“rows”。");
                continue;
            }

            var columns = cols.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText())
                .Select(c => new ProactiveColumn(c, c.Contains("万元", StringComparison.Ordinal))).ToImmutableArray();
            var parsed = rows.EnumerateObject().Select(r => ReadRow(table.Name, r, columns, errors)).ToImmutableArray();
            tables.Add(new ProactiveTable(table.Name, columns, parsed));
        }

        return new ProactiveDisclosure(agency, year, format, [.. tables]);
    }

    private static ProactiveRow ReadRow(string caption, JsonProperty row, ImmutableArray<ProactiveColumn> columns, List<string> errors)
    {
        var cells = row.Value.ValueKind == JsonValueKind.Array ? row.Value.EnumerateArray().ToList() : [];
        if (cells.Count != columns.Length)
        {
            errors.Add($"section2“{caption}”·“{row.Name}”应有{columns.Length}个数值，实有{cells.Count}个。");
            return new ProactiveRow(row.Name, ImmutableArray.Create(new decimal[columns.Length]));
        }

        var values = new decimal[columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var ok = cells[i].ValueKind switch
            {
                JsonValueKind.Number => cells[i].TryGetDecimal(out values[i]),
                JsonValueKind.String => decimal.TryParse(
                    cells[i].GetString()!.Trim().TrimStart('+'), NumberStyles.Number, CultureInfo.InvariantCulture, out values[i]),
                _ => false,
            };
            if (!ok)
            {
                errors.Add($"section2“{caption}”·“{row.Name}”·“{columns[i].Label}”不是数值：{cells[i].GetRawText()}。");
            }
        }

        return new ProactiveRow(row.Name, [.. values]);
    }
}
