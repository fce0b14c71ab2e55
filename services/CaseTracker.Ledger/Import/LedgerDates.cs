using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseTracker.Ledger.Import;

/// <summary>The date forms a ledger may use (spec ledger.md): 2023-03-07, 2023/3/7, 2023.3.7, 2023年3月7日, or an Excel date cell.</summary>
public static partial class LedgerDates
{
    public const string AcceptedForms = "2023-03-07、2023/3/7、2023.3.7、2023年3月7日，或Excel日期单元格";

    /// <summary>Dates outside this range are taken for typing errors (the Regulations are in force since 2008).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>The date the text writes, or the reason it is not one (in Chinese).</summary>
    public static (DateOnly? Date, string? Error) Parse(string text)
    {
        var trimmed = text.Trim();
        var match = DatePattern().Match(trimmed);
        if (!match.Success)
        {
            return (null, $"“{Show(trimmed)}”不是可接受的日期格式。可接受的格式：{AcceptedForms}。");
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"“{Show(trimmed)}”不是存在的日期。可接受的格式：{AcceptedForms}。");
        }

        return Check(new DateOnly(year, month, day));
    }

    public static (DateOnly? Date, string? Error) Check(DateOnly date) =>
        date < Earliest || date > Latest
            ? (null, $"日期{date:yyyy-MM-dd}不在{Earliest.Year}年至{Latest.Year}年之间，请核对。")
            : (date, null);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Show(string text) => text.Length > 30 ? text[..30] + "…" : text;

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{1,2})-(?<d>\d{1,2})|/(?<m>\d{1,2})/(?<d>\d{1,2})|\.(?<m>\d{1,2})\.(?<d>\d{1,2})|年(?<m>\d{1,2})月(?<d>\d{1,2})日)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
