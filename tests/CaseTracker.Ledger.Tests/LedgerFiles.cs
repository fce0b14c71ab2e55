using System.Text;

namespace CaseTracker.Ledger.Tests;

/// <summary>Ledger files written by hand for the tests: a header and rows of cells.</summary>
internal static class LedgerFiles
{
    public static readonly string[] RequiredHeader = ["编号", "办理机关", "收到日期", "申请人类型", "申请方式"];

    public static byte[] Csv(IEnumerable<string> header, params IEnumerable<string>[] rows) => Csv(true, header, rows);

    public static byte[] Csv(bool bom, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder();
        text.Append(Line(header));
        foreach (var row in rows)
        {
            text.Append(Line(row));
        }

        var body = Encoding.UTF8.GetBytes(text.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>A CSV of rows given as column → value, the header being every column named.</summary>
    public static byte[] Csv(params Dictionary<string, string>[] rows)
    {
        var header = rows.SelectMany(r => r.Keys).Distinct().ToList();
        return Csv(header, rows.Select(r => header.Select(h => r.GetValueOrDefault(h, ""))).ToArray());
    }

    public static Dictionary<string, string> Row(string number = "2023-001", string agency = "某区政务服务局", string receivedOn = "2023-03-07") => new()
    {
        ["编号"] = number,
        ["办理机关"] = agency,
        ["收到日期"] = receivedOn,
        ["申请人类型"] = "自然人",
        ["申请方式"] = "网络",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> row, string column, string value) =>
        new(row) { [column] = value };

    private static string Line(IEnumerable<string> cells) =>
        string.Join(",", cells.Select(c => c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c)) + "\r\n";
}
