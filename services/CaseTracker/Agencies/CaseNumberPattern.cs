using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseTracker.Pipeline;

namespace CaseTracker.Agencies;

/// <summary>
/// An agency's 编号规则, e.g. <c>{年}-{机关代码}-{序号:4}</c>: text kept as written, and the placeholders {年} (the year,
/// four digits), {机关代码} (the agency's code) and {序号} or {序号:位数} (the sequence within the agency and year,
/// zero-padded to that many digits). It must contain {序号} exactly once.
/// </summary>
public sealed partial class CaseNumberPattern
{
    public const string Field = "编号规则";
    private const string Placeholders = "{年}、{机关代码}、{序号}或{序号:位数}（如{序号:4}）";

    private readonly IReadOnlyList<Part> _parts;

    private CaseNumberPattern(string text, IReadOnlyList<Part> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public bool UsesCode => _parts.Any(p => p.Kind == PartKind.Code);

    /// <summary>Parses a pattern, or a <see cref="UserError"/> naming the field and what is wrong, in Chinese.</summary>
    public static CaseNumberPattern Parse(string? text)
    {
        var pattern = text?.Trim() ?? "";
        if (pattern.Length == 0)
        {
            throw new UserError(Field, "编号规则不能为空，例如 {年}-{机关代码}-{序号:4}。");
        }

        if (pattern.Length > 100)
        {
            throw new UserError(Field, "编号规则最多 100 个字符。");
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '}')
            {
                throw new UserError(Field, $"编号规则“{pattern}”第{i + 1}个字符处有多余的“}}”。");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = pattern.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new UserError(Field, $"编号规则“{pattern}”第{i + 1}个字符处的“{{”没有对应的“}}”。");
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(PartKind.Literal, literal.ToString(), 0));
                literal.Clear();
            }

            parts.Add(Placeholder(pattern, pattern[(i + 1)..end]));
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(PartKind.Literal, literal.ToString(), 0));
        }

        var sequences = parts.Count(p => p.Kind == PartKind.Sequence);
        if (sequences != 1)
        {
            throw new UserError(Field, sequences == 0
                ? $"编号规则“{pattern}”没有{{序号}}：每个编号须含一个序号，例如 {{年}}-{{机关代码}}-{{序号:4}}。"
                : $"编号规则“{pattern}”含有{sequences}个{{序号}}，只能有一个。");
        }

        return new CaseNumberPattern(pattern, parts);
    }

    /// <summary>The number for a year, an agency code and a sequence.</summary>
    public string Format(int year, string? code, int sequence)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part.Kind switch
            {
                PartKind.Year => year.ToString("D4", CultureInfo.InvariantCulture),
                PartKind.Code => code ?? throw new UserError(
                    "机关代码", "编号规则用到{机关代码}，但本机关没有机关代码：请管理员先填写机关代码。"),
                PartKind.Sequence => sequence.ToString(CultureInfo.InvariantCulture).PadLeft(part.Width, '0'),
                _ => part.Text,
            });
        }

        return text.ToString();
    }

    /// <summary>The sequence of a number this pattern gave for the year and code, or null when it is not one of them.</summary>
    public int? SequenceOf(string number, int year, string? code)
    {
        var regex = new StringBuilder("^");
        foreach (var part in _parts)
        {
            regex.Append(part.Kind switch
            {
                PartKind.Year => year.ToString("D4", CultureInfo.InvariantCulture),
                PartKind.Code => Regex.Escape(code ?? ""),
                PartKind.Sequence => "([0-9]{1,9})",
                _ => Regex.Escape(part.Text),
            });
        }

        var match = Regex.Match(number.Trim(), regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    public override string ToString() => Text;

    private static Part Placeholder(string pattern, string name)
    {
        var trimmed = name.Trim();
        if (trimmed == "年")
        {
            return new Part(PartKind.Year, "", 0);
        }

        if (trimmed == "机关代码")
        {
            return new Part(PartKind.Code, "", 0);
        }

        if (trimmed == "序号")
        {
            return new Part(PartKind.Sequence, "", 1);
        }

        if (SequenceWidth().Match(trimmed) is { Success: true } m)
        {
            var width = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return width is >= 1 and <= 9
                ? new Part(PartKind.Sequence, "", width)
                : throw new UserError(Field, $"编号规则“{pattern}”中{{{name}}}的位数应为 1 到 9。");
        }

        throw new UserError(Field, $"编号规则“{pattern}”中的占位符{{{name}}}不认识：可用的占位符为{Placeholders}。");
    }

    [GeneratedRegex("^序号\\s*[:：]\\s*([0-9]+)$")]
    private static partial Regex SequenceWidth();

    private enum PartKind
    {
        Literal,
        Year,
        Code,
        Sequence,
    }

    private sealed record Part(PartKind Kind, string Text, int Width);
}
