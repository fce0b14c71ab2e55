using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;

namespace CaseTracker.Portal;

/// <summary>A letter delivered electronically, as the applicant may download it.</summary>
public sealed record PublicLetter(string LetterId, string Title, DateTimeOffset? DeliveredAt, string? Download);

public sealed record PublicStep(DateTimeOffset At, string Text);

/// <summary>
/// What a lookup shows the applicant (GET /api/public/requests/{queryCode}, /track): the status, the receipt date and
/// deadline once confirmed, the decision, the steps, the letters delivered electronically. Nothing personal: not even
/// the applicant's own name, so a leaked code shows no one's data.
/// </summary>
public sealed record PublicStatus(
    string QueryCode,
    string Status,
    string StatusLabel,
    string Agency,
    DateTimeOffset SubmittedAt,
    DateOnly? ReceivedOn,
    DateOnly? Deadline,
    string? Decision,
    DateOnly? DecidedOn,
    IReadOnlyList<PublicStep> Steps,
    IReadOnlyList<PublicLetter> Letters)
{
    public static async Task<PublicStatus> OfAsync(PortalRequest request, IEventStore store, CasePolicy policy, DateOnly today, CancellationToken ct)
    {
        var steps = request.Steps.Select(s => new PublicStep(s.At, s.Text)).ToList();
        if (request.Status != PortalStatus.Confirmed)
        {
            return new PublicStatus(Portal.QueryCode.Display(request.QueryCode), request.Status.ToString(), request.StatusLabel, request.Agency,
                request.SubmittedAt, null, null, request.Status == PortalStatus.NotARequest ? "不作为政府信息公开申请处理" : null,
                null, steps, []);
        }

        var state = await store.LoadCaseAsync(request.CaseId, ct);
        var clock = StatutoryClock.Read(state, today, policy.Calendar, policy.Settings);
        var (status, label) = clock.Status switch
        {
            CaseStatus.Closed => ("Closed", "已答复"),
            CaseStatus.Paused => ("Paused", "暂停计时（" + string.Join("、", clock.PausedFor.Select(Pause)) + "）"),
            _ => ("InProgress", "办理中"),
        };
        return new PublicStatus(Portal.QueryCode.Display(request.QueryCode), status, label, request.Agency, request.SubmittedAt, state.Receipt!.On,
            clock.Deadline, state.Closure?.Outcome.Label(), state.Closure?.On, steps, PortalLetterDownload.Of(state, request.QueryCode));
    }

    private static string Pause(PauseReason reason) => reason switch
    {
        PauseReason.Supplement => "等待补正",
        PauseReason.FeeNotice => "等待缴纳信息处理费",
        _ => "征求意见",
    };
}
