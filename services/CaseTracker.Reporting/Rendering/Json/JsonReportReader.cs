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
        var section6 = root.TryGetProperty("section6", out var s6) ? ReadSection6(s6, errors) : null;
        var channels = root.TryGetProperty("channels", out var ch) ? ReadChannels(ch, errors) : null;
        return errors.Count > 0 || section3 is null || section4 is null
            ? new ImportResult(null, errors)
            : new ImportResult(new AnnualReport(agency, year, format, null, section3, section4, section2) { Section6 = section6, Channels = channels }, []);
    }

    private static FeeSection? ReadSection6(JsonElement e, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add("“section6”（信息处理费）应为对象。");
            return null;
        }

        var notices = e.TryGetProperty("feeNotices", out var n) && TryInt(n, out var nv) && nv >= 0 ? nv : -1;
        decimal? Amount(string name) => e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var v) && v >= 0 ? v : null;
        var amount = Amount("feeAmount");
        var collected = Amount("feesCollected");
        if (notices < 0 || amount is null || collected is null)
        {
            errors.Add("“section6”须有非负的“feeNotices”（收费通知件数）、“feeAmount”（收费通知总金额）和“feesCollected”（实际收取金额）。");
            return null;
        }

        return new FeeSection(notices, amount.Value, collected.Value);
    }

    private static List<ChannelCount>? ReadChannels(JsonElement e, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add("“channels”（按申请方式统计的新收申请）应为对象。");
            return null;
        }

        var channels = new List<ChannelCount>();
        foreach (var property in e.EnumerateObject())
        {
            if (!TryInt(property.Value, out var count) || count < 0)
            {
                errors.Add($"“channels”中“{property.Name}”应为非负整数。");
                continue;
            }

            channels.Add(new ChannelCount(property.Name, count));
        }

        return channels;
    }

    internal static bool TryInt(JsonElement e, out int value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }
}
