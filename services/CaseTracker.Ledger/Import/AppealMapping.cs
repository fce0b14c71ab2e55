using CaseTracker.Domain.Cases;
using static CaseTracker.Ledger.LedgerColumns;

namespace CaseTracker.Ledger.Import;

/// <summary>行政复议 and 行政诉讼 columns as file/conclude commands. A result needs its conclusion date and the other way round.</summary>
internal static class AppealMapping
{
    public static void Map(RowReader r, List<LedgerStep> steps)
    {
        var reconsideredOn = r.Date(ReconsideredOn);
        var reconsideration = Conclusion(r, ReconsideredOn, reconsideredOn, ReconsiderationResult, ReconsiderationConcludedOn);
        if (reconsideredOn is { } filed)
        {
            steps.Add(new(new CaseCommand.FileReconsideration(LedgerDefaults.ReconsiderationId, filed, ""), ReconsideredOn));
            if (reconsideration is var (on, result))
            {
                steps.Add(new(new CaseCommand.ConcludeReconsideration(LedgerDefaults.ReconsiderationId, on, result), ReconsiderationConcludedOn));
            }
        }

        var suedOn = r.Date(SuedOn);
        var hasKind = r.Text(LawsuitKind).Length > 0;
        var afterReconsideration = r.Choice(LawsuitKind, LedgerVocabulary.LawsuitKinds);
        var lawsuit = Conclusion(r, SuedOn, suedOn, LawsuitResult, LawsuitConcludedOn);
        if (suedOn is not { } sued)
        {
            if (hasKind && r.Text(SuedOn).Length == 0)
            {
                r.Fail(SuedOn, "填写了诉讼类型，须填写行政诉讼日期。");
            }

            return;
        }

        if (afterReconsideration is not { } after)
        {
            if (!hasKind)
            {
                r.Fail(LawsuitKind, $"填写了行政诉讼日期，须填写诉讼类型。可选值：{LedgerVocabulary.Direct}、{LedgerVocabulary.AfterReconsideration}。");
            }

            return;
        }

        steps.Add(new(new CaseCommand.FileLawsuit(LedgerDefaults.LawsuitId, sued, "", after), SuedOn));
        if (lawsuit is var (concludedOn, lawsuitResult))
        {
            steps.Add(new(new CaseCommand.ConcludeLawsuit(LedgerDefaults.LawsuitId, concludedOn, lawsuitResult), LawsuitConcludedOn));
        }
    }

    private static (DateOnly On, AppealResult Result)? Conclusion(
        RowReader r, string filedColumn, DateOnly? filedOn, string resultColumn, string concludedColumn)
    {
        var resultText = r.Text(resultColumn);
        var result = resultText == LedgerVocabulary.Pending ? null : r.Choice(resultColumn, LedgerVocabulary.AppealResults);
        var concludedOn = r.Date(concludedColumn);
        var hasResult = resultText.Length > 0 && resultText != LedgerVocabulary.Pending;
        var hasConclusion = r.Text(concludedColumn).Length > 0;
        if ((hasResult || hasConclusion) && filedOn is null && r.Text(filedColumn).Length == 0)
        {
            r.Fail(filedColumn, $"填写了{resultColumn}或{concludedColumn}，须填写{filedColumn}。");
            return null;
        }

        if (hasConclusion && !hasResult)
        {
            r.Fail(resultColumn, $"填写了{concludedColumn}，须填写{resultColumn}。可选值：{string.Join("、", LedgerVocabulary.AppealResults.Select(x => x.Label))}。");
        }
        else if (hasResult && !hasConclusion)
        {
            r.Fail(concludedColumn, $"填写了{resultColumn}，须填写{concludedColumn}；尚未审结的，{resultColumn}留空。");
        }

        return concludedOn is { } on && result is { } value ? (on, value) : null;
    }
}
