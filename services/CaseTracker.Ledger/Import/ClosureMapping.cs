using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Ledger.LedgerColumns;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// 答复日期 + 答复类型 + 具体情形 as the command that closes the case: 撤回 → Withdraw; 其他处理/逾期不补正 → LapseSupplement;
/// 其他处理/逾期未缴费 → LapseFee; everything else → Answer. For 部分公开 the ledger has no grounds column, so 具体情形 names
/// the withheld part's grounds (不予公开 or 无法提供 items, separated by ；or 、) as 条例第三十七条 requires.
/// </summary>
internal static class ClosureMapping
{
    private static readonly char[] GroundSeparators = ['；', ';', '、', '，', ','];

    public static void Map(RowReader r, List<LedgerStep> steps)
    {
        var answeredOn = r.Date(AnsweredOn);
        var dispositionText = r.Text(LedgerColumns.Disposition);
        var detail = r.Text(Detail);
        if (OldWords(r, dispositionText, detail, answeredOn, steps))
        {
            return;
        }

        var disposition = r.Choice(LedgerColumns.Disposition, OutcomeTaxonomy.Dispositions);
        if (dispositionText.Length == 0)
        {
            if (answeredOn is not null || detail.Length > 0)
            {
                r.Fail(LedgerColumns.Disposition, $"填写了{(answeredOn is not null ? "答复日期" : "具体情形")}，须填写答复类型。可选值：{Labels()}。");
            }

            return;
        }

        if (answeredOn is null)
        {
            if (r.Text(AnsweredOn).Length == 0)
            {
                r.Fail(AnsweredOn, "填写了答复类型，须填写答复日期。");
            }

            return;
        }

        if (disposition is not { } d || answeredOn is not { } on)
        {
            return;
        }

        if (d == Domain.Outcomes.Disposition.PartiallyDisclosed)
        {
            var grounds = Grounds(r, detail);
            if (grounds is not null)
            {
                // An old ledger's 部分公开 without the withheld part's ground: accepted, flagged incomplete (live entry requires it).
                var incomplete = grounds.Items.Count == 0;
                if (incomplete)
                {
                    r.Lenient(LedgerLeniency.PartialWithoutGround);
                }

                steps.Add(new(new CaseCommand.Answer(on, Outcome.PartiallyDisclosed, grounds, "", GroundsNotRecorded: incomplete), Detail));
            }

            return;
        }

        if (OutcomeTaxonomy.Parse(d, detail) is not { } outcome)
        {
            r.Fail(Detail, DetailError(d, detail));
            return;
        }

        CaseCommand command = outcome switch
        {
            Outcome.Withdrawn => new CaseCommand.Withdraw(on),
            Outcome.OtherSupplementLapsed => new CaseCommand.LapseSupplement(on),
            Outcome.OtherFeeUnpaid => new CaseCommand.LapseFee(on),
            _ => new CaseCommand.Answer(on, outcome, GroundList.None, "", RepeatOf: outcome == Outcome.NotProcessedRepeat ? RepeatOf(r) : null),
        };
        steps.Add(new(command, AnsweredOn));
    }

    /// <summary>不予处理·重复申请 names the earlier request in 原申请编号; an old ledger without that column is accepted and listed.</summary>
    private static string RepeatOf(RowReader r)
    {
        var earlier = r.Text(LedgerColumns.RepeatOf);
        if (earlier.Length > 0)
        {
            return earlier;
        }

        r.Lenient(LedgerLeniency.RepeatWithoutLink);
        return LedgerDefaults.RepeatOfUnrecorded;
    }

    /// <summary>
    /// The words of the old local tables in 答复类型 (具体情形 empty), for cases received before 2019-05-15: the outcome they name.
    /// False when the text is not one of them (or is also a 2019 disposition, such as 不予公开 with a 具体情形).
    /// </summary>
    private static bool OldWords(RowReader r, string text, string detail, DateOnly? answeredOn, List<LedgerStep> steps)
    {
        if (OutcomeTaxonomy.ParsePre2019(text) is not { } outcome || (OutcomeTaxonomy.ParseDisposition(text) is not null && detail.Length > 0))
        {
            return false;
        }

        // From 2019-05-15 the old words are not answers of the Regulation: the row gets the usual list of 答复类型.
        if (r.Date(ReceivedOn) is not { } receivedOn || receivedOn >= RuleSets.Rules2019InForce)
        {
            return false;
        }

        if (detail.Length > 0)
        {
            r.Fail(Detail, $"答复类型“{text}”是2019年以前的用语，具体情形应为空。");
            return true;
        }

        if (answeredOn is not { } on)
        {
            r.Fail(AnsweredOn, "填写了答复类型，须填写答复日期。");
            return true;
        }

        r.Lenient(LedgerLeniency.OldWords);
        var partial = outcome == Outcome.PartiallyDisclosed;
        if (partial)
        {
            r.Lenient(LedgerLeniency.PartialWithoutGround);
        }

        steps.Add(new(new CaseCommand.Answer(on, outcome, GroundList.None, "", GroundsNotRecorded: partial), LedgerColumns.Disposition));
        return true;
    }

    /// <summary>The grounds 具体情形 names for 部分公开; none is left to the decider, which refuses it (条例第三十七条).</summary>
    private static GroundList? Grounds(RowReader r, string detail)
    {
        var grounds = new List<Outcome>();
        foreach (var part in SplitGrounds(detail))
        {
            var ground = OutcomeTaxonomy.Parse(Domain.Outcomes.Disposition.Refused, part)
                ?? OutcomeTaxonomy.Parse(Domain.Outcomes.Disposition.Unavailable, part);
            if (ground is not { } g)
            {
                r.Fail(Detail, $"部分公开的具体情形应写明不予公开部分的理由，“{RowReader.Show(part)}”不是不予公开或无法提供的具体情形。可选值：{string.Join("、", WithholdingGrounds())}；多项用“；”或“、”分隔。");
                return null;
            }

            if (!grounds.Contains(g))
            {
                grounds.Add(g);
            }
        }

        return new GroundList(grounds);
    }

    /// <summary>Splits on ；、 etc., keeping an official number (“1、属于国家秘密”) with its label.</summary>
    private static List<string> SplitGrounds(string detail)
    {
        var parts = new List<string>();
        var pending = "";
        foreach (var piece in detail.Split(GroundSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece.Length <= 2 && piece.All(char.IsAsciiDigit))
            {
                pending = piece + "、";
                continue;
            }

            parts.Add(pending + piece);
            pending = "";
        }

        return parts;
    }

    private static string DetailError(Disposition d, string detail)
    {
        var label = d.Label();
        var options = d switch
        {
            Domain.Outcomes.Disposition.Disclosed => "（空）、已主动公开",
            Domain.Outcomes.Disposition.Withdrawn => "（空）",
            _ => string.Join("、", OutcomeTaxonomy.DetailsOf(d)),
        };
        return detail.Length == 0
            ? $"答复类型为“{label}”时须填写具体情形。可选值：{options}（也可写带序号的正式名称，如“1.属于国家秘密”）。"
            : $"“{RowReader.Show(detail)}”不是答复类型“{label}”的具体情形。可选值：{options}。";
    }

    private static IEnumerable<string> WithholdingGrounds() =>
        OutcomeTaxonomy.DetailsOf(Domain.Outcomes.Disposition.Refused).Concat(OutcomeTaxonomy.DetailsOf(Domain.Outcomes.Disposition.Unavailable));

    private static string Labels() => string.Join("、", OutcomeTaxonomy.Dispositions.Select(x => x.Label));
}
