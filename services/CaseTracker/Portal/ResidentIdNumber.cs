using System.Globalization;

namespace CaseTracker.Portal;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence, one check character from
/// ISO 7064 MOD 11-2 over the first 17 digits (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; remainder 0–10 →
/// 1 0 X 9 8 7 6 5 4 3 2).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character the first 17 digits call for.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when valid; else what is wrong, in Chinese.</summary>
    public static string? Problem(string number, DateOnly today)
    {
        if (number.Length != 18)
        {
            return $"应为 18 位（现为 {number.Length} 位）";
        }

        if (!number[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[17]) || number[17] == 'X'))
        {
            return "前 17 位应为数字，最后一位为数字或 X";
        }

        if (number[..2] is var province && int.Parse(province, CultureInfo.InvariantCulture) is < 11 or > 91)
        {
            return $"前两位“{province}”不是有效的省级行政区划代码";
        }

        if (!DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born.Year < 1900 || born > today)
        {
            return $"第 7–14 位“{number[6..14]}”不是有效的出生日期";
        }

        var check = CheckCharacter(number);
        return number[17] == check ? null : $"校验位不符（按 GB 11643 应为 {check}），请核对号码";
    }

    /// <summary>Upper-cases the x and drops spaces, as people type it.</summary>
    public static string Normalise(string number) => number.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
