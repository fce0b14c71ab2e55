using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Reporting.Tables;

public enum RowRole
{
    /// <summary>一、本年新收.</summary>
    Received,

    /// <summary>二、上年结转.</summary>
    CarriedIn,

    /// <summary>A row of 三 that counts outcomes.</summary>
    Outcome,

    /// <summary>三（七）总计.</summary>
    Total,

    /// <summary>A channel line under 一 (pre-2019 tables): requests received in the year by 申请方式.</summary>
    Channel,

    /// <summary>四、结转下年度继续办理.</summary>
    CarriedOut,
}

/// <summary>One printed row of section 三: its code, its labels from the outermost group inward, and its role.</summary>
public sealed record RowSpec(string Code, IReadOnlyList<string> Path, RowRole Role)
{
    /// <summary>The labels joined by '/', as the JSON shape writes them.</summary>
    public string Label => string.Join('/', Path);
}

/// <summary>The rows of section 三, exactly as each format prints them (国办公开办函〔2019〕60号、〔2021〕30号).</summary>
public static class Section3Layout
{
    public const string Results = "三、本年度办理结果";
    public const string ReceivedLabel = "一、本年新收政府信息公开申请数量";
    public const string CarriedInLabel = "二、上年结转政府信息公开申请数量";
    public const string CarriedOutLabel = "四、结转下年度继续办理";
    public const string TotalLabel = "（七）总计";

    /// <summary>The old local tables label their total row plainly.</summary>
    public const string Pre2019TotalLabel = "总计";

    public const string ChannelPrefix = "其中：";

    private const string Refused = "（三）不予公开";
    private const string Unable = "（四）无法提供";
    private const string NotProcessed = "（五）不予处理";
    private const string Other = "（六）其他处理";

    private static readonly RowSpec[] Common =
    [
        Item("disclosed", "（一）予以公开"),
        Item("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        Item("refused.state_secret", Refused, "1.属于国家秘密"),
        Item("refused.prohibited_by_law", Refused, "2.其他法律行政法规禁止公开"),
        Item("refused.security_stability", Refused, "3.危及“三安全一稳定”"),
        Item("refused.third_party_rights", Refused, "4.保护第三方合法权益"),
        Item("refused.internal_affairs", Refused, "5.属于三类内部事务信息"),
        Item("refused.process_information", Refused, "6.属于四类过程性信息"),
        Item("refused.enforcement_case_file", Refused, "7.属于行政执法案卷"),
        Item("refused.administrative_query", Refused, "8.属于行政查询事项"),
        Item("unable.not_held", Unable, "1.本机关不掌握相关政府信息"),
        Item("unable.needs_creation", Unable, "2.没有现成信息需要另行制作"),
        Item("unable.unclear_after_supplement", Unable, "3.补正后申请内容仍不明确"),
        Item("not_processed.petition", NotProcessed, "1.信访举报投诉类申请"),
        Item("not_processed.repeat", NotProcessed, "2.重复申请"),
        Item("not_processed.publication", NotProcessed, "3.要求提供公开出版物"),
        Item("not_processed.excessive", NotProcessed, "4.无正当理由大量反复申请"),
        Item("not_processed.confirmation", NotProcessed, "5.要求行政机关确认或重新出具已获取信息"),
    ];

    private static readonly RowSpec[] Other2021 =
    [
        Item("other.no_supplement", Other, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        Item("other.fee_unpaid", Other, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        Item("other.other", Other, "3.其他"),
    ];

    private static readonly IReadOnlyList<RowSpec> Rows2021 = Frame([.. Common, .. Other2021]);

    private static readonly IReadOnlyList<RowSpec> Rows2019 = Frame([.. Common, Item("other", Other)]);

    private static readonly IReadOnlyList<RowSpec> RowsPre2019 =
        [
            .. Frame([.. OutcomeTaxonomy.Pre2019Categories.Select((c, i) => Item(Pre2019Code(i), c))], Pre2019TotalLabel)
                .SelectMany(spec => spec.Role == RowRole.Received ? [spec, .. ChannelRows()] : new[] { spec }),
        ];

    /// <summary>The row code of a channel line ("channel.Letter").</summary>
    public static string ChannelCode(Channel channel) => $"channel.{channel}";

    public static IReadOnlyList<RowSpec> For(ReportFormat format) => format switch
    {
        ReportFormat.Pre2019 => RowsPre2019,
        ReportFormat.Format2019 => Rows2019,
        _ => Rows2021,
    };

    /// <summary>The row an outcome is counted in under a format.</summary>
    public static string RowCode(this Outcome outcome, ReportFormat format)
    {
        var info = outcome.Info();
        return format switch
        {
            ReportFormat.Pre2019 => Pre2019Code(IndexOf(OutcomeTaxonomy.Pre2019Categories, info.Pre2019)),
            ReportFormat.Format2019 => info.Row2019,
            _ => info.Row2021,
        };
    }

    private static string Pre2019Code(int index) => $"pre2019.{index + 1}";

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return list.Count - 1;
    }

    private static RowSpec Item(string code, params string[] path) => new(code, [Results, .. path], RowRole.Outcome);

    private static IEnumerable<RowSpec> ChannelRows() =>
        Vocabulary.AllChannels.Select(c => new RowSpec(ChannelCode(c.Channel), [ReceivedLabel, ChannelPrefix + c.Label], RowRole.Channel));

    private static RowSpec[] Frame(RowSpec[] outcomes, string totalLabel = TotalLabel) =>
    [
        new("received", [ReceivedLabel], RowRole.Received),
        new("carried_in", [CarriedInLabel], RowRole.CarriedIn),
        .. outcomes,
        new("total", [Results, totalLabel], RowRole.Total),
        new("carried_out", [CarriedOutLabel], RowRole.CarriedOut),
    ];
}
