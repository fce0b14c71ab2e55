using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Subscriptions;
using CaseTracker.Letters;
using CaseTracker.Mail;
using CaseTracker.Pipeline;

namespace CaseTracker.Portal;

/// <summary>
/// Letters delivered electronically (送达, <see cref="CaseEvent.LetterDelivered"/> with <see cref="DeliveryMethod.Electronic"/>)
/// on a case that came in through the portal: the applicant gets an e-mail naming the letter and the delivery time the
/// caseworker recorded, and /track lists the letter for download. A checkpointed subscription of the global log; the mail
/// id is the letter's, so a replay never mails twice.
/// </summary>
public sealed class PortalLetterMailer(IEventStore store, ICheckpointStore checkpoints, DocumentStore documents, MailOutbox mail, ILogger<PortalLetterMailer> log,
    Web.Resilience.StoreOutage outage)
    : BackgroundService
{
    public const string CheckpointName = "portal.letters";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = new CheckpointedSubscription(store, checkpoints, CheckpointName, OnEventAsync, IsElectronicDelivery);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await subscription.RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && Web.Resilience.StoreOutage.IsOutage(e))
            {
                outage.Report(e, "portal letter mails");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Portal letter mails: resuming from the checkpoint");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The events that may mail someone (the others pass without a checkpoint write each).</summary>
    internal static bool IsElectronicDelivery(EventEnvelope envelope) =>
        envelope.Event is CaseEvent.LetterDelivered { Method: DeliveryMethod.Electronic };

    private async Task OnEventAsync(EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not CaseEvent.LetterDelivered { Method: DeliveryMethod.Electronic } delivered
            || CaseStreams.CaseIdOf(envelope.StreamId) is not { } caseId)
        {
            return;
        }

        var request = (await documents.ListAsync<PortalRequest>(PortalRequest.Collection, ct)).Select(d => d.Value).FirstOrDefault(r => r.CaseId == caseId);
        if (request is null)
        {
            return;
        }

        var state = await store.LoadCaseAsync(caseId, ct);
        var letter = state.Letters.FirstOrDefault(l => l.LetterId == delivered.LetterId);
        var title = letter is null ? delivered.LetterId : $"{letter.Kind.Label()}（{letter.Number}）";
        var at = (delivered.At ?? envelope.RecordedAt).ToOffset(TimeSpan.FromHours(8));
        await mail.EnqueueAsync(new OutgoingMail(
            $"portal.letter/{request.QueryCode}/{delivered.LetterId}", "portal.letter", request.Application.Email,
            $"{title}已送达（查询码 {QueryCode.Display(request.QueryCode)}）",
            $"{request.Application.Name}：\n\n{request.Agency}已向您电子送达{title}。\n送达时间：{at:yyyy-MM-dd HH:mm}（北京时间）\n"
            + "请在“查询申请”页面（/track）输入查询码和联系电话后四位后下载。\n本邮件由系统自动发送，请勿直接回复。"), ct);
    }
}

public static class PortalLetterDownload
{
    /// <summary>The letters of the case delivered electronically, as the applicant sees them.</summary>
    public static IReadOnlyList<PublicLetter> Of(CaseState state, string queryCode) =>
        state.Letters
            .Where(l => l.Delivery is { Method: DeliveryMethod.Electronic })
            .Select(l => new PublicLetter(l.LetterId, $"{l.Kind.Label()}（{l.Number}）", l.Delivery!.At,
                $"/api/public/requests/{queryCode}/letters/{Uri.EscapeDataString(l.LetterId)}"))
            .ToList();

    /// <summary>The DOCX of a letter delivered electronically on the request's case (the applicant's own data in it).</summary>
    public static async Task<IResult> DocxAsync(PortalRequest request, string letterId, IEventStore store, LetterDesk desk, CancellationToken ct)
    {
        var events = await store.ReadStreamAsync(CaseStreams.For(request.CaseId), ct);
        var state = CaseDecider.Fold(events.Select(e => e.Event));
        if (!state.Exists || !state.Letters.Any(l => l.LetterId == letterId && l.Delivery is { Method: DeliveryMethod.Electronic }))
        {
            return PublicApi.NotFound.ToResult();
        }

        var view = await desk.ShowIssuedAsync(new CaseFile(request.CaseId, events, state), letterId, seesPersonalData: true, ct);
        return Results.File(LetterDocx.Write(view.Letter), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"{view.Issued!.Number}{view.Letter.Kind.Label()}.docx");
    }
}
