using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Cases;

/// <summary>Every transition the law or the history forbids, each with the caseworker's message in Chinese.</summary>
internal static class CaseRules
{
    /// <summary>国务院令第492号 (第三十八条): the Regulation is in force from 2008-05-01.</summary>
    private static readonly DateOnly RegulationInForce = new(2008, 5, 1);

    /// <param name="replay">
    /// Checking a history already stored (after a correction): rules about what live entry must state (a supplement
    /// period) are not applied again to milestones recorded before they existed.
    /// </param>
    public static void Check(CaseEvent e, CaseState s, CasePolicy policy, bool replay = false)
    {
        CheckNotInFuture(e, policy);
        if (e is Received received)
        {
            CheckReceipt(received, s);
            return;
        }

        var receipt = s.Receipt ?? throw Refuse("case.not_received", "本案尚未登记收到申请，不能记录其他办理环节。");
        if (e.On < receipt.On)
        {
            throw e is Decided
                ? Refuse("decision.before_receipt", $"答复日期{e.On:yyyy-MM-dd}早于收到申请日期{receipt.On:yyyy-MM-dd}：答复不能早于收到申请。")
                : Refuse("date.before_receipt", $"{Name(e)}日期{e.On:yyyy-MM-dd}早于收到申请日期{receipt.On:yyyy-MM-dd}。");
        }

        if (e is LetterIssued or LetterDelivered)
        {
            // Letters follow their milestone, also once the case is closed (the 答复书 is issued with the answer).
            LetterRules.Check(e, s);
            return;
        }

        // Appeals come after the answer; so do documents (the signed delivery receipt of the answer, the disclosed files).
        var isAppeal = e is ReconsiderationFiled or ReconsiderationConcluded or LawsuitFiled or LawsuitConcluded;
        if (!isAppeal && e is not DocumentAttached && s.Closure is { } closure)
        {
            throw Refuse("case.closed", $"本案已于{closure.On:yyyy-MM-dd}办结（{closure.Outcome.Label()}），不能再登记{Name(e)}；如原登记有误，请使用更正。");
        }

        switch (e)
        {
            case SupplementRequested r:
                // 条例第三十条: 一次性告知 — one supplement notice per request.
                Require(s.Supplement is null, "supplement.once", $"补正告知应一次性告知（条例第三十条），本案已于{s.Supplement?.RequestedOn:yyyy-MM-dd}告知补正。");
                Require(r.Items.Length > 0, "supplement.items_required", "补正告知须写明需要补正的事项（条例第三十条）。");
                Require(replay || r.RespondBy is not null, "supplement.period_required", "补正告知须说明合理的补正期限（条例第三十条），请填写补正期限。");
                Require(r.RespondBy is null || r.RespondBy >= r.On, "supplement.period_before_notice", "补正期限不能早于补正告知日期（条例第三十条）。");
                break;
            case SupplementReceived r:
                var pending = s.Supplement ?? throw Refuse("supplement.not_requested", "本案没有补正告知，不能登记收到补正。");
                Require(pending.IsPending, "supplement.not_pending", $"本案的补正已于{pending.ReceivedOn:yyyy-MM-dd}收到，不能重复登记。");
                Require(r.On >= pending.RequestedOn, "supplement.received_before_request", $"收到补正日期{r.On:yyyy-MM-dd}早于补正告知日期{pending.RequestedOn:yyyy-MM-dd}。");
                break;
            case SupplementLapsed r:
                var asked = s.Supplement ?? throw Refuse("supplement.lapse_without_request", "本案没有补正告知，不能登记逾期不补正（条例第三十条：只有告知补正后申请人逾期不补正的，才视为放弃申请）。");
                Require(asked.IsPending, "supplement.not_pending", $"本案的补正已于{asked.ReceivedOn:yyyy-MM-dd}收到，不能再登记逾期不补正。");
                Require(r.On >= asked.RequestedOn, "supplement.lapsed_before_request", $"逾期不补正日期{r.On:yyyy-MM-dd}早于补正告知日期{asked.RequestedOn:yyyy-MM-dd}。");
                var respondBy = StatutoryClock.SupplementRespondBy(asked, policy.Calendar, policy.Settings);
                Require(r.On > respondBy, "supplement.lapse_too_early",
                    $"补正期限{(asked.RespondBy is null ? "（未载明，按默认期限计算）" : "")}至{respondBy:yyyy-MM-dd}，{r.On:yyyy-MM-dd}尚未届满，"
                    + "不能登记逾期不补正：申请人逾期不补正的，才视为放弃申请（条例第三十条）。");
                break;
            case ConsultationStarted c:
                Require(s.Consultations.All(x => x.Id != c.ConsultationId), "consultation.duplicate", $"征求意见“{c.ConsultationId}”已登记。");
                Require(c.Party.Length > 0, "consultation.party_required", "征求意见须写明征求意见的对象（条例第三十二条、第三十四条）。");
                Require(c.PartyReceivedOn is not { } got || got >= c.On, "consultation.received_before_sent",
                    $"征求意见对象收到征求意见书的日期{c.PartyReceivedOn:yyyy-MM-dd}早于发出日期{c.On:yyyy-MM-dd}（条例第三十二条、第三十四条：期限自收到之日起算）。");
                break;
            case ConsultationAnswered or ConsultationLapsed:
                var id = e is ConsultationAnswered a ? a.ConsultationId : ((ConsultationLapsed)e).ConsultationId;
                var consultation = s.Consultations.FirstOrDefault(x => x.Id == id)
                    ?? throw Refuse("consultation.unknown", $"本案没有征求意见“{id}”，不能登记其答复或逾期。");
                Require(consultation.IsOpen, "consultation.ended", $"征求意见“{id}”已于{consultation.EndedOn:yyyy-MM-dd}结束。");
                Require(e.On >= consultation.StartedOn, "consultation.end_before_start",
                    $"征求意见结束日期{e.On:yyyy-MM-dd}早于开始日期{consultation.StartedOn:yyyy-MM-dd}。");
                if (e is ConsultationAnswered { PartyAnswer: { } answer } answered)
                {
                    Require(Enum.IsDefined(answer) && consultation.Kind == ConsultationKind.ThirdParty, "consultation.answer_for_third_party",
                        "同意公开或不同意公开是第三方的答复（条例第三十二条）；征求其他机关意见不登记此项。");
                    Require(answer != ThirdPartyAnswer.Objects || answered.Reasons is { Length: > 0 }, "consultation.objection_reasons",
                        "第三方不同意公开的，请登记其理由（条例第三十二条：第三方不同意公开且有合理理由的，行政机关不予公开）。");
                }

                if (e is ConsultationLapsed)
                {
                    var replyDue = StatutoryClock.ConsultationReplyDue(consultation, policy.Calendar, policy.Settings).Date;
                    Require(e.On > replyDue, "consultation.lapse_too_early",
                        $"征求意见对象自收到征求意见之日（{consultation.PartyReceivedOn:yyyy-MM-dd}）起15个工作日内提出意见，"
                        + $"期限至{replyDue:yyyy-MM-dd}，{e.On:yyyy-MM-dd}尚未逾期（条例{(consultation.Kind == ConsultationKind.ThirdParty ? "第三十二条" : "第三十四条")}）。");
                }

                break;
            case Extended x:
                CheckExtension(x, s, policy);
                break;
            case PublicInterestDisclosureDecided p:
                var objected = s.Consultations.FirstOrDefault(c => c.Id == p.ConsultationId);
                Require(objected is { Objected: true }, "override.without_objection",
                    $"征求意见“{p.ConsultationId}”没有登记第三方不同意公开的答复：只有第三方不同意公开时，才需要以公共利益为由决定公开（条例第三十二条）。");
                Require(s.PublicInterestDisclosures.All(x => x.ConsultationId != p.ConsultationId), "override.once",
                    $"已就征求意见“{p.ConsultationId}”决定公开。");
                Require(p.Reasons.Length > 0, "override.reasons", "决定予以公开的，须写明不公开可能对公共利益造成重大影响的理由（条例第三十二条）。");
                Require(p.ThirdPartyNotifiedOn >= p.On, "override.notified_before_decided", "书面告知第三方的日期不能早于决定公开的日期（条例第三十二条）。");
                break;
            case FeeNoticeIssued f:
                CheckFeeNotice(f, s, policy);
                break;
            case FeePaid or FeeLapsed or FeeWaived:
                var fee = s.Fee ?? throw Refuse("fee.no_notice", $"本案没有收费通知，不能登记{Name(e)}。");
                Require(fee.IsPending, "fee.settled", fee.WaivedOn is { } waived
                    ? $"本案的收费已于{waived:yyyy-MM-dd}减免。"
                    : $"本案的收费已于{fee.PaidOn:yyyy-MM-dd}缴纳。");
                Require(e.On >= fee.IssuedOn, "fee.before_notice", $"{Name(e)}日期{e.On:yyyy-MM-dd}早于收费通知日期{fee.IssuedOn:yyyy-MM-dd}。");
                if (e is FeeLapsed)
                {
                    var payBy = StatutoryClock.FeePaymentDue(fee, policy.Calendar).Date;
                    Require(e.On > payBy, "fee.lapse_too_early",
                        $"申请人自收到收费通知的次日起20个工作日内缴费（国办函〔2020〕109号；条例第四十二条），"
                        + $"{fee.ApplicantReceivedOn:yyyy-MM-dd}收到、期限至{payBy:yyyy-MM-dd}，{e.On:yyyy-MM-dd}不能登记逾期未缴费。");
                }

                if (e is FeePaid { Amount: { } paid })
                {
                    Require(paid == fee.Amount, "fee.paid_amount",
                        $"缴费金额{paid:0.##}元与收费通知的金额{fee.Amount:0.##}元不符（国办函〔2020〕109号）：减免请登记“减免收费”并写明理由。");
                }

                if (e is FeeWaived w)
                {
                    Require(w.Reason.Length > 0, "fee.waiver_reason", "减免收费须写明理由（国办函〔2020〕109号）。");
                }

                break;
            case DelayedAnswerDateSet d:
                // 条例第三十五条: the agency first asks for reasons, then may set a reasonable later date.
                Require(s.ReasonsRequestedOn is { } askedOn && askedOn <= d.On, "delay.without_reasons", "确定延迟答复期限前，应先要求申请人说明理由（条例第三十五条）。");
                Require(d.AnswerBy > d.On, "delay.not_later", "延迟答复的期限必须晚于确定之日（条例第三十五条）。");
                Require(d.ApplicantToldOn is not { } told || told >= d.On, "delay.told_before_set", "告知申请人延迟答复期限的日期不能早于确定之日（条例第三十五条）。");
                RequireRunning(s, d.On, policy, "delay.after_deadline", "确定延迟答复期限", "延迟答复的期限只能在答复期限内确定（条例第三十五条）");
                break;
            case Decided d:
                CheckDecision(d.Outcome, d.WithheldGrounds, s, d.GroundsNotRecorded);
                Require(d.Outcome != Outcome.NotProcessedRepeat || d.RepeatOf is { Length: > 0 }, "decision.repeat_without_link",
                    "以“重复申请”不予处理，须关联此前已经答复的同一申请人、同一内容的申请（条例第三十六条第（六）项），请填写原申请编号。");
                Require(d.RepeatOf is null || d.Outcome == Outcome.NotProcessedRepeat, "decision.link_only_for_repeat", "只有“重复申请”才关联原申请。");
                Require(d.RepeatOf != s.Receipt?.CaseNumber, "decision.repeat_of_itself", "重复申请不能关联本案自身，请填写此前已经答复的申请编号。");
                CheckObjections(d, s);
                Require(s.Supplement is not { IsPending: true }, "decision.supplement_pending", "本案正在等待申请人补正，请先登记收到补正或逾期不补正，再作答复。");
                break;
            case ReconsiderationFiled r:
                Require(s.Appeals.All(x => x.Id != r.AppealId), "appeal.duplicate", $"行政复议“{r.AppealId}”已登记。");
                CheckAppealBeforeDecision(r, s, policy);
                break;
            case LawsuitFiled l:
                Require(s.Appeals.All(x => x.Id != l.AppealId), "appeal.duplicate", $"行政诉讼“{l.AppealId}”已登记。");
                CheckAppealBeforeDecision(l, s, policy);
                break;
            case ReconsiderationConcluded or LawsuitConcluded:
                var appealId = e is ReconsiderationConcluded rc ? rc.AppealId : ((LawsuitConcluded)e).AppealId;
                var kind = e is ReconsiderationConcluded ? AppealKind.Reconsideration : AppealKind.Lawsuit;
                var appeal = s.Appeals.FirstOrDefault(x => x.Id == appealId && x.Kind == kind)
                    ?? throw Refuse("appeal.unknown", $"本案没有登记{(kind == AppealKind.Reconsideration ? "行政复议" : "行政诉讼")}“{appealId}”，不能登记其审结。");
                Require(appeal.ConcludedOn is null, "appeal.concluded", $"“{appealId}”已于{appeal.ConcludedOn:yyyy-MM-dd}审结。");
                Require(e.On >= appeal.FiledOn, "appeal.concluded_before_filed", $"审结日期{e.On:yyyy-MM-dd}早于立案日期{appeal.FiledOn:yyyy-MM-dd}。");
                break;
        }
    }

    public static void CheckCorrection(CaseEvent e, CaseState s, CasePolicy policy)
    {
        if (!s.Exists)
        {
            throw Refuse("case.not_received", "本案尚未登记收到申请，无可更正。");
        }

        CheckNotInFuture(e, policy);

        switch (e)
        {
            case DateCorrected d:
                Require(d.Reason.Length > 0, "correction.reason_required", "更正须写明理由。");
                Require(s.History.Any(m => m.Number == d.Milestone), "correction.unknown_milestone", $"本案没有第{d.Milestone}号办理环节。");
                break;
            case OutcomeCorrected o:
                Require(o.Reason.Length > 0, "correction.reason_required", "更正须写明理由。");
                Require(s.Closure is { } c && s.History.First(m => m.Number == c.Milestone).Event is Decided, "correction.no_decision", "本案没有答复，无答复结果可更正。");
                CheckDecision(o.Outcome, o.WithheldGrounds, s);
                break;
            case ApplicantTypeCorrected a:
                Require(a.Reason.Length > 0, "correction.reason_required", "更正须写明理由。");
                break;
        }
    }

    /// <summary>A corrected history must be one the live product would have accepted, milestone by milestone.</summary>
    public static void CheckHistory(ImmutableList<Milestone> history, CasePolicy policy)
    {
        var state = CaseState.Initial;
        foreach (var milestone in history)
        {
            try
            {
                Check(milestone.Event, state, policy, replay: true);
            }
            catch (DomainException error)
            {
                throw Refuse("correction.invalid_history", $"更正后第{milestone.Number}号环节（{Name(milestone.Event)}）不成立：{error.Message}");
            }

            state = CaseProjection.Derive(state.History.Add(milestone)) with { Version = milestone.Number + 1 };
        }
    }

    public static string Name(CaseEvent e) => e switch
    {
        Received => "收到申请",
        SupplementRequested => "补正告知",
        SupplementReceived => "收到补正",
        SupplementLapsed => "逾期不补正",
        ConsultationStarted => "征求意见",
        ConsultationAnswered => "征求意见答复",
        ConsultationLapsed => "征求意见逾期",
        Extended => "延期答复",
        PublicInterestDisclosureDecided => "决定公开（公共利益）",
        FeeNoticeIssued => "收费通知",
        FeePaid => "缴费",
        FeeLapsed => "逾期未缴费",
        FeeWaived => "减免收费",
        ReasonsRequested => "要求说明理由",
        DelayedAnswerDateSet => "确定延迟答复期限",
        Decided => "答复",
        Withdrawn => "申请人撤回",
        ReconsiderationFiled => "行政复议",
        ReconsiderationConcluded => "行政复议审结",
        LawsuitFiled => "行政诉讼",
        LawsuitConcluded => "行政诉讼审结",
        LetterIssued l => "签发" + l.Kind.Label(),
        LetterDelivered => "送达",
        DocumentAttached => "附件",
        _ => "更正",
    };

    private static void CheckReceipt(Received r, CaseState s)
    {
        Require(!s.Exists, "case.exists", $"编号“{s.Receipt?.CaseNumber}”的申请已登记，不能重复登记。");
        Require(r.Agency.Length > 0, "receipt.agency_required", "办理机关不能为空。");
        Require(r.CaseNumber.Length > 0, "receipt.number_required", "编号不能为空。");
        Require(Enum.IsDefined(r.ApplicantType), "receipt.applicant_type", "申请人类型无效。");
        Require(Enum.IsDefined(r.Channel), "receipt.channel", "申请方式无效。");
        Require(!r.Channel.IsLegacy() || r.On < RuleSets.Rules2019InForce, "receipt.legacy_channel",
            $"申请方式“{r.Channel.Label()}”是2019年5月15日以前台账的用语；{r.On:yyyy-MM-dd}收到的申请请选择当面、邮寄、平常信函、网络、电子邮件、传真或其他（条例第二十九条）。");
        Require(r.On >= RegulationInForce, "receipt.before_regulation",
            $"收到申请日期{r.On:yyyy-MM-dd}早于《政府信息公开条例》施行之日2008-05-01（国务院令第492号第三十八条），不能登记。");
    }

    /// <summary>No business date after today in the agency's time zone (domain.md §2); deadlines (补正期限, 延迟答复期限) may be later.</summary>
    private static void CheckNotInFuture(CaseEvent e, CasePolicy policy)
    {
        if (policy.Today is not { } today)
        {
            return;
        }

        var dates = e switch
        {
            Extended x => [x.On, x.ApplicantToldOn],
            FeeNoticeIssued f => [f.On, f.ApplicantReceivedOn],
            ConsultationStarted c => [c.On, c.PartyReceivedOn ?? c.On],
            DelayedAnswerDateSet d => [d.On, d.ApplicantToldOn ?? d.On],
            PublicInterestDisclosureDecided p => [p.On, p.ThirdPartyNotifiedOn],
            DateCorrected c => [c.On, c.CorrectDate],
            _ => new[] { e.On },
        };
        var future = dates.Where(d => d > today).Order().FirstOrDefault();
        Require(future == default, "date.in_future",
            $"{Name(e)}的日期{future:yyyy-MM-dd}晚于今天（{today:yyyy-MM-dd}，北京时间）：不能登记尚未发生的办理环节，请核对日期。");
    }

    /// <summary>An extension, a fee notice or an Art 35 date acts on a running period only: after the deadline it is refused.</summary>
    private static void RequireRunning(CaseState s, DateOnly on, CasePolicy policy, string rule, string what, string law)
    {
        var runOut = StatutoryClock.HasRunOut(s, on, policy.Calendar, policy.Settings, out var deadline);
        Require(!runOut, rule, $"答复期限已于{deadline:yyyy-MM-dd}届满，{on:yyyy-MM-dd}不能再{what}：{law}。");
    }

    /// <summary>Before the decision, an appeal lies only against 不作为: once the response period has run out.</summary>
    private static void CheckAppealBeforeDecision(CaseEvent e, CaseState s, CasePolicy policy)
    {
        if (s.Closure is { } closure && closure.On <= e.On)
        {
            return;
        }

        var runOut = StatutoryClock.HasRunOut(s, e.On, policy.Calendar, policy.Settings, out var deadline);
        var kind = e is LawsuitFiled ? "提起行政诉讼" : "申请行政复议";
        Require(runOut, "appeal.before_deadline",
            $"{e.On:yyyy-MM-dd}本案尚未答复，答复期限{(deadline is { } d ? $"至{d:yyyy-MM-dd}" : "暂停计算")}尚未届满：答复前只能就逾期不答复（不作为）{kind}（条例第五十一条）。");
    }

    /// <summary>
    /// 条例第三十二条: where a third party objected, the agency discloses only on a decision for the public interest, and only after
    /// telling the party in writing. A 部分公开 that withholds on 保护第三方合法权益 respects the objection.
    /// </summary>
    private static void CheckObjections(Decided d, CaseState s)
    {
        var disclosure = d.Outcome.Info().Disposition is Disposition.Disclosed or Disposition.PartiallyDisclosed;
        var respects = d.Outcome == Outcome.PartiallyDisclosed && d.WithheldGrounds.Items.Contains(Outcome.RefusedThirdPartyRights);
        if (!disclosure || respects)
        {
            return;
        }

        foreach (var objection in s.Consultations.Where(c => c.Objected))
        {
            var decided = s.PublicInterestDisclosures.FirstOrDefault(x => x.ConsultationId == objection.Id);
            Require(decided is not null, "decision.third_party_objected",
                $"第三方（{objection.Party}）不同意公开：须先登记以公共利益为由决定公开（理由、书面告知第三方），才能予以公开；否则请不予公开（保护第三方合法权益）（条例第三十二条）。");
            Require(decided!.ThirdPartyNotifiedOn <= d.On, "decision.before_third_party_notified",
                $"决定公开的内容和理由于{decided.ThirdPartyNotifiedOn:yyyy-MM-dd}书面告知第三方，答复（公开）不能早于告知（条例第三十二条）。");
        }
    }

    /// <summary>
    /// 国办函〔2020〕109号: fees on requests received from 2021-01-01, one notice, within the response period; the amount is the
    /// tiers' computation of the quantity the notice rests on, never a figure typed against it (a waiver is its own entry).
    /// </summary>
    private static void CheckFeeNotice(FeeNoticeIssued f, CaseState s, CasePolicy policy)
    {
        var receivedOn = s.Receipt!.On;
        Require(receivedOn >= Fees.FeeSchedule.InForce, "fee.not_in_force",
            $"本案于{receivedOn:yyyy-MM-dd}收到申请：信息处理费只对2021年1月1日起收到的申请收取（国办函〔2020〕109号），不能发出收费通知。");
        Require(Enum.IsDefined(f.Method), "fee.method", "计费方式无效：应为按件或按量（国办函〔2020〕109号）。");
        Require(s.Fee is null, "fee.once", $"本案已于{s.Fee?.IssuedOn:yyyy-MM-dd}发出收费通知。");
        RequireRunning(s, f.On, policy, "fee.after_deadline", "发出收费通知", "收费通知应在答复期限内发出（条例第四十二条；国办函〔2020〕109号）");
        if (f.Quantity is { } quantity)
        {
            var computed = Fees.FeeSchedule.Compute(f.Method, quantity);
            Require(computed.Amount > 0, "fee.free", $"{computed.Explanation}无需收费，不能发出收费通知（国办函〔2020〕109号）。");
            Require(f.Amount == computed.Amount, "fee.amount_mismatch",
                $"收费金额{f.Amount:0.##}元与计费标准不符：{computed.Explanation}（国办函〔2020〕109号）。减免请另行登记“减免收费”并写明理由。");
        }

        Require(f.Amount > 0, "fee.amount", "收费金额必须大于零。");
        Require(f.ApplicantReceivedOn >= f.On, "fee.received_before_notice", "申请人收到收费通知的日期不能早于通知发出日期（国办函〔2020〕109号：缴费期限自收到通知的次日起算）。");
    }

    private static void CheckExtension(Extended x, CaseState s, CasePolicy policy)
    {
        // 条例第三十三条第二款: once, approved by the head of the disclosure office, before the period ends.
        Require(s.Extension is null, "extension.once", $"延期答复只能一次（条例第三十三条第二款），本案已于{s.Extension?.On:yyyy-MM-dd}延期。");
        Require(x.Approver.Length > 0, "extension.approver_required", "延期答复须经政府信息公开工作机构负责人同意，请填写批准人。");
        Require(x.Reason.Length > 0, "extension.reason_required", "延期答复须写明理由。");
        Require(x.ApplicantToldOn >= x.On, "extension.told_before_granted", "告知申请人的日期不能早于延期批准日期（条例第三十三条第二款）。");
        RequireRunning(s, x.On, policy, "extension.after_deadline", "延期", "期限届满后不能再延期（条例第三十三条第二款）");
    }

    private static void CheckDecision(Outcome outcome, GroundList grounds, CaseState s, bool groundsNotRecorded = false)
    {
        Require(Enum.IsDefined(outcome), "decision.outcome", "答复结果无效。");
        Require(!outcome.IsLegacy() || s.Receipt!.On < RuleSets.Rules2019InForce, "decision.legacy_outcome",
            $"“{outcome.Info().Pre2019}”是2019年5月15日以前地方统计表的用语，只用于此前收到的申请；本案按2019年修订的条例（国务院令第711号）答复，请选择条例第三十六条规定的答复类型。");
        Require(!groundsNotRecorded || outcome == Outcome.PartiallyDisclosed, "decision.grounds_flag_only_for_partial", "只有部分公开才可标记“未载明不予公开部分的理由”。");
        Require(outcome.IsDecision(), "decision.use_milestone", outcome switch
        {
            Outcome.OtherSupplementLapsed => "逾期不补正请登记“逾期不补正”环节，不作为答复登记。",
            Outcome.OtherFeeUnpaid => "逾期未缴费请登记“逾期未缴费”环节，不作为答复登记。",
            _ => "申请人撤回请登记“申请人撤回”环节，不作为答复登记。",
        });
        if (outcome == Outcome.PartiallyDisclosed)
        {
            Require(grounds.Items.Count > 0 || groundsNotRecorded, "decision.partial_without_grounds", "部分公开须载明不予公开部分的理由（条例第三十七条），请选择不予公开或无法提供的具体情形。");
            Require(grounds.Items.All(g => Enum.IsDefined(g) && g.IsWithholdingGround()), "decision.partial_grounds", "部分公开的理由只能是不予公开或无法提供的具体情形（条例第三十七条）。");
        }
        else
        {
            Require(grounds.Items.Count == 0, "decision.grounds_only_for_partial", "只有部分公开才登记不予公开部分的理由。");
        }

        Require(outcome != Outcome.UnavailableUnclearAfterSupplement || s.Supplement?.ReceivedOn is not null,
            "decision.unclear_without_supplement", "“补正后申请内容仍不明确”只适用于已告知补正并收到补正的申请（条例第三十条）。");
        Require(outcome != Outcome.NotProcessedExcessive || s.ReasonsRequestedOn is not null,
            "decision.excessive_without_reasons", "以“无正当理由大量反复申请”不予处理前，应先要求申请人说明理由（条例第三十五条）。");
    }

    internal static void Require(bool condition, string rule, string message)
    {
        if (!condition)
        {
            throw Refuse(rule, message);
        }
    }

    /// <summary>
    /// <see cref="Require(bool, string, string)"/> with the message written only when the rule is broken: most commands
    /// pass every rule, and a ledger import checks hundreds of thousands of events.
    /// </summary>
    internal static void Require(bool condition, string rule, [InterpolatedStringHandlerArgument(nameof(condition))] ref RefusalMessage message)
    {
        if (!condition)
        {
            throw Refuse(rule, message.ToStringAndClear());
        }
    }

    internal static DomainException Refuse(string rule, string message) => new(rule, message);
}
