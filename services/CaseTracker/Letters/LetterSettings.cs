namespace CaseTracker.Letters;

/// <summary>An agency's 文书 settings, set by an administrator.</summary>
/// <param name="NumberPrefix">文号字头, e.g. 测教公开 (文号 测教公开〔2026〕12号); none = the 机关代码 or name + 公开.</param>
/// <param name="ReconsiderationBody">复议机关 the remedy clause names.</param>
/// <param name="Court">管辖法院 the remedy clause names.</param>
public sealed record LetterSettings(string? NumberPrefix, string? ReconsiderationBody, string? Court)
{
    public static LetterSettings None { get; } = new(null, null, null);

    public static string Prefix(Agencies.Agency agency) =>
        agency.Letters?.NumberPrefix is { Length: > 0 } prefix ? prefix : (agency.Code ?? agency.Name) + "公开";

    /// <summary>文号: 字头〔年〕序号号.</summary>
    public static string Number(string prefix, int year, int sequence) => $"{prefix}〔{year}〕{sequence}号";
}
