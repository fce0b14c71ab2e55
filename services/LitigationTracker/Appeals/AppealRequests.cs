using System.Globalization;
using CaseTracker.Contracts;
using LitigationTracker.Storage;

namespace LitigationTracker.Appeals;

/// <summary>POST /appeals: 行政复议 or 行政诉讼 filed. Everything is text so that every mistake gets a Chinese message.</summary>
public sealed record FileAppealRequest(
    string? CaseId, string? Kind, string? AppealId, string? FiledOn, string? Body, string? Court, bool? AfterReconsideration);

/// <summary>POST /appeals/conclusions: 审结, with 结果 维持, 纠正 or 其他.</summary>
public sealed record ConcludeAppealRequest(string? CaseId, string? AppealId, string? ConcludedOn, string? Result);

public static class AppealRequests
{
    public const int MaxText = 200;

    /// <summary>The appeal to insert, or the errors by field (none: the row is not null).</summary>
    public static (AppealRow? Row, Dictionary<string, string[]> Errors) Check(FileAppealRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = CaseIdOf(r.CaseId, errors);
        var appealId = Text(r.AppealId, "appealId", "复议或诉讼案号", errors);
        var filedOn = DateOf(r.FiledOn, "filedOn", "立案（申请）日期", errors);
        var forum = r.Kind switch
        {
            AppealKinds.Reconsideration => Text(r.Body, "body", "复议机关", errors),
            AppealKinds.Lawsuit => Text(r.Court, "court", "受理法院", errors),
            _ => Error<string>(errors, "kind", "类型（kind）须为 reconsideration（行政复议）或 lawsuit（行政诉讼）。"),
        };
        if (r.Kind == AppealKinds.Reconsideration && r.AfterReconsideration == true)
        {
            errors["afterReconsideration"] = ["“复议后起诉”（afterReconsideration）只适用于行政诉讼。"];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AppealRow(caseId, appealId!, r.Kind!, filedOn, forum!, r.AfterReconsideration ?? false, null, null), errors);
    }

    public static (Guid CaseId, string AppealId, DateOnly On, string Result, Dictionary<string, string[]> Errors) Check(ConcludeAppealRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = CaseIdOf(r.CaseId, errors);
        var appealId = Text(r.AppealId, "appealId", "复议或诉讼案号", errors);
        var on = DateOf(r.ConcludedOn, "concludedOn", "审结日期", errors);
        if (r.Result is not (AppealResults.Upheld or AppealResults.Corrected or AppealResults.Other))
        {
            errors["result"] = ["审理结果（result）须为“维持”“纠正”或“其他”。"];
        }

        return (caseId, appealId ?? "", on, r.Result ?? "", errors);
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

    private static DateOnly DateOf(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
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
