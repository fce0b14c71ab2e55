using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.Mail;
using CaseTracker.Pipeline;
using Mediator;

namespace CaseTracker.Portal;

/// <summary>
/// The applicant's side and the intake queue: submit (query code, e-mail), look up (code + phone's last four digits, one
/// answer for every miss), 签收 into a case (channel 网络, receipt date = the day both sides confirm, 条例第三十一条第三项),
/// 转办 to another agency of the directory, or the answer that it is not a disclosure request (条例第三十九条).
/// </summary>
public sealed class PortalIntake(DocumentStore documents, AgencyDirectory agencies, MailOutbox mail, IEventStore store, TimeProvider time)
{
    public async Task<PortalRequest> SubmitAsync(PortalApplication application, CancellationToken ct)
    {
        await RequireAgencyAsync(application.Agency, "agency", ct);
        var request = PortalRequest.New(application, QueryCode.New(), time.GetUtcNow());
        await documents.PutAsync(PortalRequest.Collection, request.QueryCode, request, "portal", 0, ct);
        await mail.EnqueueAsync(PortalMails.Submitted(request), ct);
        return request;
    }

    /// <summary>The request of a code when the phone's last four digits match; null otherwise (the caller answers one 404 for both).</summary>
    public async Task<Document<PortalRequest>?> FindAsync(string? typedCode, string? phone4, CancellationToken ct)
    {
        if (QueryCode.Normalise(typedCode) is not { } code || phone4 is not { Length: 4 } || !phone4.All(char.IsAsciiDigit))
        {
            return null;
        }

        var found = await documents.GetAsync<PortalRequest>(PortalRequest.Collection, code, ct);
        return found is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(found.Value.Application.PhoneLast4), System.Text.Encoding.ASCII.GetBytes(phone4))
            ? found
            : null;
    }

    /// <summary>A request of the queue as staff see it (the agencies the user works).</summary>
    public async Task<Document<PortalRequest>> GetForStaffAsync(string code, Access access, CancellationToken ct)
    {
        var found = QueryCode.Normalise(code) is { } c ? await documents.GetAsync<PortalRequest>(PortalRequest.Collection, c, ct) : null;
        if (found is null)
        {
            throw new NotFoundException("没有这件网上申请。");
        }

        return access.CanSee(found.Value.Agency) ? found : throw new ForbiddenException($"您无权查看“{found.Value.Agency}”的网上申请。");
    }

    /// <summary>The queue: requests of the user's agencies, waiting ones first (oldest first), then the newest handled.</summary>
    public async Task<IReadOnlyList<PortalRequest>> QueueAsync(Access access, CancellationToken ct) =>
        (await documents.ListAsync<PortalRequest>(PortalRequest.Collection, ct))
            .Select(d => d.Value)
            .Where(r => access.CanSee(r.Agency))
            .OrderBy(r => r.Status == PortalStatus.Pending ? 0 : 1)
            .ThenBy(r => r.Status == PortalStatus.Pending ? r.SubmittedAt.Ticks : -r.Steps[^1].At.Ticks)
            .ToList();

    /// <summary>
    /// 签收: registers the case (its id is the request's, so a second 签收 finds the stream taken and registers nothing),
    /// then marks the request confirmed. A 签收 interrupted after the case was written is completed by the next one.
    /// </summary>
    public async Task<(PortalRequest Request, CaseChange? Change)> ConfirmAsync(
        string code, string caseNumber, DateOnly receivedOn, Access access, IMediator mediator, CasePolicy policy, CancellationToken ct)
    {
        var document = await GetForStaffAsync(code, access, ct);
        var request = document.Value;
        RequirePending(request);
        if (receivedOn < DateOnly.FromDateTime(request.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).DateTime))
        {
            throw new UserError("receivedOn", "收到申请日期：不能早于申请人提交的日期（条例第三十一条第三项：以双方确认之日为收到申请之日）。");
        }

        var application = request.Application;
        var receive = new CaseCommand.Receive(request.CaseId, request.Agency, caseNumber, receivedOn, Channel.Online, application.ApplicantType,
            application.Applicant(), application.Description, application.RequestedForm);
        CaseChange? change = null;
        try
        {
            change = await mediator.Send(new RecordMilestone(request.CaseId, receive, ExpectedVersion: 0), ct);
        }
        catch (VersionConflictException)
        {
            var again = await documents.GetAsync<PortalRequest>(PortalRequest.Collection, request.QueryCode, ct);
            RequirePending(again!.Value);
        }

        var state = await store.LoadCaseAsync(request.CaseId, ct);
        var receipt = state.Receipt!;
        var deadline = StatutoryClock.Read(state, policy.Today ?? time.Today(), policy.Calendar, policy.Settings).Deadline;
        var now = time.GetUtcNow();
        var confirmed = request.With(now, $"已签收：收到申请日期 {receipt.On:yyyy-MM-dd}，答复期限 {deadline:yyyy-MM-dd}。") with
        {
            Status = PortalStatus.Confirmed,
            ReceivedOn = receipt.On,
            CaseNumber = receipt.CaseNumber,
        };
        await documents.PutAsync(PortalRequest.Collection, request.QueryCode, confirmed, "portal", document.Version, ct);
        await mail.EnqueueAsync(PortalMails.Confirmed(confirmed, deadline), ct);
        return (confirmed, change);
    }

    /// <summary>转办: the request moves to the queue of another agency of the directory; the applicant sees where.</summary>
    public async Task<PortalRequest> ForwardAsync(string code, string toAgency, string? note, Access access, CancellationToken ct)
    {
        var document = await GetForStaffAsync(code, access, ct);
        var request = document.Value;
        RequirePending(request);
        await RequireAgencyAsync(toAgency, "toAgency", ct);
        if (toAgency == request.Agency)
        {
            throw new UserError("toAgency", "转办机关：不能转办给本机关。");
        }

        await RequireNoCaseAsync(request, ct);
        var now = time.GetUtcNow();
        var text = $"{request.Agency}已将申请转办至{toAgency}{(note is null ? "" : $"：{note}")}，等待{toAgency}确认。";
        var forwarded = request.With(now, text) with { Agency = toAgency };
        await documents.PutAsync(PortalRequest.Collection, request.QueryCode, forwarded, "portal", document.Version, ct);
        await mail.EnqueueAsync(PortalMails.Forwarded(forwarded, request.Agency, text, forwarded.Steps.Count), ct);
        return forwarded;
    }

    /// <summary>条例第三十九条: answered as not a disclosure request (信访、投诉、举报、咨询…), with the channel to use instead.</summary>
    public async Task<PortalRequest> AnswerNotARequestAsync(string code, string kind, string reply, Access access, CancellationToken ct)
    {
        var document = await GetForStaffAsync(code, access, ct);
        var request = document.Value;
        RequirePending(request);
        if (!PortalRequest.NotARequestKinds.Contains(kind))
        {
            throw new UserError("kind", $"类别：“{kind}”不是可选的值（可选：{string.Join("、", PortalRequest.NotARequestKinds)}）。");
        }

        await RequireNoCaseAsync(request, ct);
        var now = time.GetUtcNow();
        var answered = request.With(now, $"{request.Agency}答复：本件属于{kind}事项，不作为政府信息公开申请处理（条例第三十九条）。{reply}") with
        {
            Status = PortalStatus.NotARequest,
            ReplyKind = kind,
            Reply = reply,
        };
        await documents.PutAsync(PortalRequest.Collection, request.QueryCode, answered, "portal", document.Version, ct);
        await mail.EnqueueAsync(PortalMails.NotARequest(answered), ct);
        return answered;
    }

    private static void RequirePending(PortalRequest request)
    {
        if (request.Status != PortalStatus.Pending)
        {
            throw new DomainException("portal.already_handled", $"这件网上申请已处理（{request.StatusLabel}），不能再签收、转办或答复（条例第三十一条：收到申请之日只确认一次）。");
        }
    }

    private async Task RequireNoCaseAsync(PortalRequest request, CancellationToken ct)
    {
        if ((await store.ReadStreamAsync(CaseStreams.For(request.CaseId), ReadDirection.Forwards, 1, 1, ct)).Count > 0)
        {
            throw new DomainException("portal.already_handled", "这件网上申请已登记为案件，请再次签收以完成确认。");
        }
    }

    private async Task RequireAgencyAsync(string agency, string field, CancellationToken ct)
    {
        if (!(await agencies.ListAsync(ct)).Any(a => a.Name == agency))
        {
            throw new UserError(field, $"受理机关：“{agency}”不在机关名录中，请从列表中选择。");
        }
    }
}
