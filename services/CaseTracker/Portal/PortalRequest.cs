using CaseTracker.Domain.Cases;

namespace CaseTracker.Portal;

public enum PortalStatus
{
    /// <summary>待确认: in the agency's intake queue.</summary>
    Pending,

    /// <summary>已签收: a case with channel 网络, its receipt date the day both sides confirmed (条例第三十一条第三项).</summary>
    Confirmed,

    /// <summary>不作为政府信息公开申请处理 (条例第三十九条): 信访、举报、投诉、咨询 and the like.</summary>
    NotARequest,
}

/// <summary>What the applicant's page lists: the time and a sentence (never a caseworker's name or another's data).</summary>
public sealed record PortalStep(DateTimeOffset At, string Text);

/// <summary>
/// A request made online, from submission until it becomes a case (or is forwarded, or answered as not a disclosure
/// request). Kept in the document store under its query code; the document's version guards every change, and the case
/// it becomes has the request's id, so that it is registered once (a second 签收 finds the stream taken).
/// </summary>
public sealed record PortalRequest(
    Guid Id,
    string QueryCode,
    string Agency,
    PortalApplication Application,
    DateTimeOffset SubmittedAt,
    PortalStatus Status,
    IReadOnlyList<PortalStep> Steps,
    DateOnly? ReceivedOn = null,
    string? CaseNumber = null,
    string? ReplyKind = null,
    string? Reply = null)
{
    public const string Collection = "portal-requests";

    public Guid CaseId => Id;

    public string StatusLabel => Status switch
    {
        PortalStatus.Pending => "待确认",
        PortalStatus.Confirmed => "已签收",
        _ => "不作为政府信息公开申请处理",
    };

    public static PortalRequest New(PortalApplication application, string code, DateTimeOffset now) =>
        new(Guid.NewGuid(), code, application.Agency, application, now, PortalStatus.Pending, [new PortalStep(now, $"已提交至{application.Agency}，等待确认。")]);

    public PortalRequest With(DateTimeOffset at, string text) => this with { Steps = [.. Steps, new PortalStep(at, text)] };

    public static readonly IReadOnlyList<string> NotARequestKinds = ["信访", "投诉", "举报", "咨询", "其他"];

    public ApplicantType ApplicantType => Application.ApplicantType;
}
