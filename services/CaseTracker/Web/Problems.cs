using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.Antiforgery;

namespace CaseTracker.Web;

/// <summary>A refusal: status, a Chinese message, the rule code or the field it is about.</summary>
public sealed record Problem(int Status, string Title, string Detail, string? Rule = null, string? Field = null)
{
    /// <summary>What to answer for an exception; null for a fault of ours (a 500, logged).</summary>
    public static Problem? From(Exception error) => Refusal(error) ?? error switch
    {
        AntiforgeryValidationException =>
            new(400, "表单已失效", "表单已失效或来源不明（防伪校验未通过），请刷新页面后重新提交。", "form.antiforgery"),
        BadHttpRequestException { StatusCode: 413 } => new(413, "请求过大", "请求内容超过允许的大小（1 MB）。", "request.too_large"),
        BadHttpRequestException e => new(e.StatusCode, "请求有误", "请求格式有误，无法读取。", "request.malformed"),
        InvalidDataException => new(400, "请求有误", "请求格式有误，无法读取。", "request.malformed"),
        _ => null,
    };

    /// <summary>
    /// The one map of what the product refuses, whatever the shell: the web answers it (problem+json or an error page),
    /// the command line prints <see cref="ConsoleMessage"/> and exits with status 2. Null: not a refusal.
    /// </summary>
    public static Problem? Refusal(Exception error) => error switch
    {
        UserError e => new(400, "输入有误", e.Message, "input.invalid", e.Field),
        // A second case with a number the agency already has (often a retry without Idempotency-Key): a conflict, not a rule.
        DomainException { Rule: "case.number_taken" } e => new(409, "编号已被占用", e.Message, e.Rule),
        DomainException e => new(422, "不符合办理规则", e.Message, e.Rule),
        VersionConflictException e => new(412, "案件已被他人更新", e.Message, "version.conflict"),
        DocumentConflictException e => new(409, "数据已被他人修改", e.Message, "document.conflict"),
        ForbiddenException e => new(403, "无权操作", e.Message, "access.forbidden"),
        NotFoundException e => new(404, "未找到", e.Message, "not_found"),
        CalendarFormatException e => new(400, "节假日通知格式有误", e.Message, "calendar.invalid"),
        _ => null,
    };

    /// <summary>The refusal as a terminal shows it: the field named first when the message does not name it.</summary>
    public string ConsoleMessage => Field is null || Detail.Contains(Field, StringComparison.Ordinal) ? Detail : $"{Field}：{Detail}";

    public static Problem Internal { get; } = new(500, "内部错误", "服务器内部错误，已记录。请稍后重试或联系系统维护人员。");

    public IResult ToResult() => Results.Problem(
        detail: Detail,
        statusCode: Status,
        title: Title,
        extensions: new Dictionary<string, object?> { ["rule"] = Rule, ["field"] = Field });
}
