using System.Text.Json;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering.Json;

/// <summary>A report read from outside, or why it could not be read (each reason in Chinese, naming the field). Never half a report.</summary>
public sealed record ImportResult(AnnualReport? Report, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Report is not null;
}

/// <summary>Reads a report in the JSON shape of reference/tables (published reports, imports, forms typed in).</summary>
public static class JsonReportReader
{
    public static ImportResult Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            return Read(document.RootElement);
        }
        catch (JsonException error)
        {
            return new ImportResult(null, [$"JSON格式错误（第{error.LineNumber + 1}行）：{error.Message}"]);
        }
    }

    private static ImportResult Read(JsonElement root)
    {
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ImportResult(null, ["报告应为一个JSON对象。"]);
        }

        var agency = root.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim() : "";
        if (agency.Length == 0)
        {
            errors.Add("“agency”（机关名称）缺失或为空。");
        }

        var year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var yv) && yv is >= 2008 and <= 2100
            ? yv
            : 0;
        if (year == 0)
        {
            errors.Add("“year”（报告年度）缺失或不是2008至2100之间的整数。");
        }

        var format = ReportFormats.ForYear(year);
        if (root.TryGetProperty("format", out var f))
        {
            var parsed = ReportFormats.Parse(f.ValueKind == JsonValueKind.String ? f.GetString() : null);
            if (parsed is null)
            {
                errors.Add($"“format”（表格格式）应为\"pre2019\"、\"2019\"或\"2021\"，实为{f.GetRawText()}。");
            }

            format = parsed ?? format;
        }

        var section3 = Section3Reader.Read(root, format, errors);
        var section4 = Section4Reader.Read(root, errors);
        var section2 = root.TryGetProperty("section2", out var s2) ? Section2Reader.Read(s2, agency, year, format, errors) : null;
        return errors.Count > 0 || section3 is null || section4 is null
            ? new ImportResult(null, errors)
            : new ImportResult(new AnnualReport(agency, year, format, null, section3, section4, section2), []);
    }

    internal static bool TryInt(JsonElement e, out int value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }
}
