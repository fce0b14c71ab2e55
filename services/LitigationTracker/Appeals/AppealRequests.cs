using System.Globalization;
using CaseTracker.Contracts;
using LitigationTracker.Storage;

namespace LitigationTracker.Appeals;

/// <summary>POST /appeals: 行政复议 or 行政诉讼 filed. Everything is text so that every mistake gets a Chinese message.</summary>
public sealed record FileAppealRequest(
    string? CaseId, string? Kind, string? AppealId, string? FiledOn, string? Body, string? Court, bool? AfterReconsideration);

/// <summary>POST /appeals/conclusions: 审结, with 结果 维持, 纠正 or 其他.</summary>
public sealed record ConcludeAppealRequest(string? CaseId, string? AppealId, string? ConcludedOn, string? Result);

/// <summary>POST /agency-appeals: 行政复议 or 行政诉讼 about the agency's disclosure work not tied to a case in CaseTracker.</summary>
public sealed record FileAgencyAppealRequest(
    string? Agency, string? Kind, string? AppealId, string? Subject, string? FiledOn, string? Body, string? Court, bool? AfterReconsideration);

/// <summary>POST /agency-appeals/conclusions.</summary>
public sealed record ConcludeAgencyAppealRequest(string? Agency, string? AppealId, string? ConcludedOn, string? Result);

public static class AppealRequests
{
    public const int MaxText = 200;

    /// <summary>The appeal to insert, or the errors by field (none: the row is not null). No date after <paramref name="today"/>.</summary>
    public static (AppealRow? Row, Dictionary<string, string[]> Errors) Check(FileAppealRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = CaseIdOf(r.CaseId, errors);
        var (appealId, filedOn, forum) = Filing(r.Kind, r.AppealId, r.FiledOn, r.Body, r.Court, r.AfterReconsideration, today, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new AppealRow(caseId, appealId!, r.Kind!, filedOn, forum!, r.AfterReconsideration ?? false, null, null), errors);
    }

    public static (Guid CaseId, string AppealId, DateOnly On, string Result, Dictionary<string, string[]> Errors) Check(ConcludeAppealRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = CaseIdOf(r.CaseId, errors);
        var (appealId, on, result) = Conclusion(r.AppealId, r.ConcludedOn, r.Result, today, errors);
        return (caseId, appealId, on, result, errors);
    }

    /// <summary>An appeal not tied to a case: the row to insert, or the errors by field.</summary>
    public static (AgencyAppealRow? Row, Dictionary<string, string[]> Errors) Check(FileAgencyAppealRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var agency = Text(r.Agency, "agency", "被申请（被诉）机关", errors);
        var subject = Text(r.Subject, "subject", "复议或诉讼事由", errors);
        var (appealId, filedOn, forum) = Filing(r.Kind, r.AppealId, r.FiledOn, r.Body, r.Court, r.AfterReconsideration, today, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new AgencyAppealRow(agency!, appealId!, r.Kind!, subject!, filedOn, forum!, r.AfterReconsideration ?? false, null, null), errors);
    }

    public static (string Agency, string AppealId, DateOnly On, string Result, Dictionary<string, string[]> Errors) Check(
        ConcludeAgencyAppealRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var agency = Text(r.Agency, "agency", "被申请（被诉）机关", errors);
        var (appealId, on, result) = Conclusion(r.AppealId, r.ConcludedOn, r.Result, today, errors);
        return (agency ?? "", appealId, on, result, errors);
    }

    private static (string? AppealId, DateOnly FiledOn, string? Forum) Filing(
        string? kind, string? appealId, string? filedOn, string? body, string? court, bool? afterReconsideration, DateOnly today,
        Dictionary<string, string[]> errors)
    {
        var id = Text(appealId, "appealId", "复议或诉讼案号", errors);
        var on = DateOf(filedOn, "filedOn", "立案（申请）日期", today, errors);
        var forum = kind switch
        {
            AppealKinds.Reconsideration => Text(body, "body", "复议机关", errors),
            AppealKinds.Lawsuit => Text(court, "court", "受理法院", errors),
            _ => Error<string>(errors, "kind", "类型（kind）须为 reconsideration（行政复议）或 lawsuit（行政诉讼）。"),
        };
        if (kind == AppealKinds.Reconsideration && afterReconsideration == true)
        {
            errors["afterReconsideration"] = ["“复议后起诉”（afterReconsideration）只适用于行政诉讼。"];
        }

        return (id, on, forum);
    }

    private static (string AppealId, DateOnly On, string Result) Conclusion(
        string? appealId, string? concludedOn, string? result, DateOnly today, Dictionary<string, string[]> errors)
    {
        var id = Text(appealId, "appealId", "复议或诉讼案号", errors);
        var on = DateOf(concludedOn, "concludedOn", "审结日期", today, errors);
        if (result is not (AppealResults.Upheld or AppealResults.Corrected or AppealResults.Other))
        {
            errors["result"] = ["审理结果（result）须为“维持”“纠正”或“其他”。"];
        }

        return (id ?? "", on, result ?? "");
    }

    public static Guid CaseIdOf(string? text, Dictionary<string, string[]> errors)
    {
        if (Guid.TryParse(text, out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors["caseId"] = [string.IsNullOrWhiteSpace(text) ? "案件标识（caseId）不能为空。" : $"案件标识（caseId）“{text}”不是有效的案件标识。"];
        return Guid.Empty;
    }

    private static string? Text(string? text, string field, string label, Dictionary<string, string[]> errors) => text?.Trim() switch
    {
        null or "" => Error<string>(errors, field, $"{label}（{field}）不能为空。"),
        { Length: > MaxText } => Error<string>(errors, field, $"{label}（{field}）不能超过{MaxText}个字。"),
        var trimmed => trimmed,
    };

    /// <summary>A date in yyyy-MM-dd, not after today (a step is recorded once it happened, as CaseTracker requires).</summary>
    private static DateOnly DateOf(string? text, string field, string label, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date > today)
            {
                errors[field] = [$"{label}（{field}）{date:yyyy-MM-dd}晚于今天（{today:yyyy-MM-dd}）：只能登记已经发生的事项。"];
            }

            return date;
        }

        errors[field] = [string.IsNullOrWhiteSpace(text) ? $"{label}（{field}）不能为空。" : $"{label}（{field}）“{text}”不是有效日期，请按 yyyy-MM-dd 填写。"];
        return default;
    }

    private static T? Error<T>(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return default;
    }
}
