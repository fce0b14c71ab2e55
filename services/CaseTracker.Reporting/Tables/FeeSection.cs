using CaseTracker.Domain.Cases;

namespace CaseTracker.Reporting.Tables;

/// <summary>
/// Section 六's fee figures (国办公开办函〔2021〕30号; 国办函〔2020〕109号): fee notices sent in the year, their total amount, and the
/// amount actually collected in the year, in 元.
/// </summary>
public sealed record FeeSection(int FeeNotices, decimal FeeAmount, decimal FeesCollected)
{
    public static FeeSection Zero { get; } = new(0, 0m, 0m);

    /// <summary>The sentence of section 六 the draft prints.</summary>
    public string Sentence(int year) => year < 2021
        ? $"{year}年尚未实施《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），未收取信息处理费。"
        : $"本年度发出收费通知{FeeNotices}件，收费通知总金额{Show(FeeAmount)}元，实际收取信息处理费{Show(FeesCollected)}元。";

    private static string Show(decimal amount) => amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Requests received in the year by 申请方式 (label → count), in the order of <see cref="Vocabulary.AllChannels"/>.</summary>
public sealed record ChannelCount(string Label, int Count);

public static class ChannelLines
{
    /// <summary>The channels a report lists: the current ones always, the old ledgers' ones in a pre-2019 table or when any was used.</summary>
    public static IReadOnlyList<ChannelCount> Of(IReadOnlyDictionary<Channel, int> counts, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return
        [
            .. Vocabulary.AllChannels
                .Where(c => !c.Channel.IsLegacy() || format == ReportFormat.Pre2019 || counts.GetValueOrDefault(c.Channel) > 0)
                .Select(c => new ChannelCount(c.Label, counts.GetValueOrDefault(c.Channel))),
        ];
    }
}
