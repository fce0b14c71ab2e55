using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>Letters (文书) follow their milestone; a delivery (送达) dates the receipt the law counts from (issue 10, items 3 and 4).</summary>
public class LetterTests
{
    private static readonly Received R = Received("2023-03-01");
    private static readonly string Hash = new('b', 64);

    private static LetterIssued Issued(LetterKind kind, string on, string subject = "", string id = "L1") =>
        new(id, kind, subject, "测教公开〔2023〕1号", 2023, 1, 1, Hash, D(on));

    private static C.IssueLetter Issue(LetterKind kind, string on, string subject = "", string id = "L2") =>
        new(id, kind, subject, "测教公开〔2023〕2号", 2023, 2, 1, Hash, D(on));

    private static LetterDelivered Delivered(string on, string id = "L1") => new(id, DeliveryMethod.InPerson, "申请人本人签收", null, D(on));

    [Fact]
    public void A_letter_no_milestone_calls_for_is_refused()
    {
        Given(R).When(Issue(LetterKind.Supplement, "2023-03-02")).ThenRefused("letter.not_called_for");
    }

    [Fact]
    public void A_kind_is_issued_once_a_reprint_is_not_a_new_number()
    {
        Given(R, Issued(LetterKind.Receipt, "2023-03-01")).When(Issue(LetterKind.Receipt, "2023-03-02")).ThenRefused("letter.already_issued");
    }

    [Fact]
    public void A_letter_dated_before_its_milestone_is_refused()
    {
        Given(R, SupplementRequested("2023-03-03")).When(Issue(LetterKind.Supplement, "2023-03-02")).ThenRefused("letter.before_milestone");
    }

    [Fact]
    public void The_answer_is_issued_after_the_case_is_closed()
    {
        Given(R, Decided("2023-03-20")).When(Issue(LetterKind.Answer, "2023-03-20"))
            .Then(new LetterIssued("L2", LetterKind.Answer, "", "测教公开〔2023〕2号", 2023, 2, 1, Hash, D("2023-03-20")));
    }

    [Theory]
    [InlineData(DeliveryMethod.Post, "123", null, "delivery.ems_number")]
    [InlineData(DeliveryMethod.InPerson, "", null, "delivery.signed_required")]
    [InlineData(DeliveryMethod.Electronic, "电子邮件", null, "delivery.time_required")]
    [InlineData(DeliveryMethod.Electronic, "门户网站", "2023-03-05T09:00:00+08:00", "delivery.time_required")]
    public void A_delivery_without_its_proof_is_refused(DeliveryMethod method, string detail, string? at, string rule)
    {
        Given(R, Issued(LetterKind.Receipt, "2023-03-01"))
            .When(new C.RecordDelivery("L1", method, detail, at is null ? null : DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), D("2023-03-06")))
            .ThenRefused(rule);
    }

    [Fact]
    public void An_electronic_delivery_carries_its_time()
    {
        var at = new DateTimeOffset(2023, 3, 6, 9, 30, 0, TimeSpan.FromHours(8));
        Given(R, Issued(LetterKind.Receipt, "2023-03-01")).When(new C.RecordDelivery("L1", DeliveryMethod.Electronic, "门户网站", at, D("2023-03-06")))
            .Then(new LetterDelivered("L1", DeliveryMethod.Electronic, "门户网站", at, D("2023-03-06")));
    }

    [Fact]
    public void A_delivery_before_the_letter_or_twice_is_refused()
    {
        Given(R, Issued(LetterKind.Receipt, "2023-03-02")).When(new C.RecordDelivery("L1", DeliveryMethod.InPerson, "本人签收", null, D("2023-03-01")))
            .ThenRefused("delivery.before_issue");
        Given(R, Issued(LetterKind.Receipt, "2023-03-02"), Delivered("2023-03-03"))
            .When(new C.RecordDelivery("L1", DeliveryMethod.InPerson, "本人签收", null, D("2023-03-04"))).ThenRefused("delivery.once");
    }

    [Fact]
    public void The_fee_payment_period_counts_from_the_delivery_of_the_fee_notice()
    {
        // Recorded as received 03-06: 20 working days from 03-07 end 04-03. Delivered 03-10: 03-13 … 04-04 (17), 04-05 清明,
        // 04-06, 04-07 (19), 04-10 (20).
        var history = new CaseEvent[] { R, FeeNotice("2023-03-06", "2023-03-06"), Issued(LetterKind.Fee, "2023-03-06"), Delivered("2023-03-10") };

        var reading = StatutoryClock.Read(CaseDecider.Fold(history), D("2023-03-20"), WorkingCalendar.BuiltIn, ClockSettings.Default);

        Assert.Equal(D("2023-04-10"), reading.FeePaymentDue);
        Given(history).When(new C.LapseFee(D("2023-04-06"))).ThenRefused("fee.lapse_too_early");
        Given(history[..3]).When(new C.LapseFee(D("2023-04-06"))).Then(new FeeLapsed(D("2023-04-06")));
    }

    [Fact]
    public void The_supplement_period_counts_from_the_delivery_of_the_notice()
    {
        // The notice of 03-03 gave until 03-10: 5 working days (03-06 … 03-10). Delivered 03-08: 03-09, 03-10, 03-13, 03-14, 03-15.
        var notice = new SupplementRequested(D("2023-03-03"), "请写明年份", D("2023-03-10"));
        var history = new CaseEvent[] { R, notice, Issued(LetterKind.Supplement, "2023-03-03"), Delivered("2023-03-08") };

        Given(history).When(new C.LapseSupplement(D("2023-03-15"))).ThenRefused("supplement.lapse_too_early");
        Given(history).When(new C.LapseSupplement(D("2023-03-16"))).Then(new SupplementLapsed(D("2023-03-16")));
        Given(history[..3]).When(new C.LapseSupplement(D("2023-03-13"))).Then(new SupplementLapsed(D("2023-03-13")));
    }

    [Fact]
    public void The_third_partys_15_working_days_count_from_the_delivery_of_the_consultation_letter()
    {
        // Delivered 03-08: 03-09, 03-10 (2), 03-13 … 03-17 (7), 03-20 … 03-24 (12), 03-27, 03-28, 03-29 (15).
        var history = new CaseEvent[] { R, ThirdParty("c1", "2023-03-06"), Issued(LetterKind.Consultation, "2023-03-06", "c1"), Delivered("2023-03-08") };

        var reading = StatutoryClock.Read(CaseDecider.Fold(history), D("2023-03-10"), WorkingCalendar.BuiltIn, ClockSettings.Default);

        Assert.Equal(D("2023-03-29"), Assert.Single(reading.ConsultationsDue).ReplyDue);
    }

    [Fact]
    public void The_remedy_windows_count_from_the_delivery_of_the_answer()
    {
        var answered = new CaseEvent[] { R, Decided("2023-03-20"), Issued(LetterKind.Answer, "2023-03-20") };

        var before = StatutoryClock.Read(CaseDecider.Fold(answered), D("2023-03-30"), WorkingCalendar.BuiltIn, ClockSettings.Default);
        var after = StatutoryClock.Read(CaseDecider.Fold([.. answered, Delivered("2023-03-24")]), D("2023-03-30"),
            WorkingCalendar.BuiltIn, ClockSettings.Default);

        Assert.Equal((D("2023-05-19"), D("2023-09-20")), (before.ReconsiderationWindowEnds, before.LawsuitWindowEnds));
        Assert.Equal((D("2023-05-23"), D("2023-09-24")), (after.ReconsiderationWindowEnds, after.LawsuitWindowEnds));
    }

    [Fact]
    public void The_letters_owed_follow_the_milestones()
    {
        var state = CaseDecider.Fold([R, ThirdParty("c1", "2023-03-06"), Issued(LetterKind.Receipt, "2023-03-01"), Decided("2023-03-20", Outcome.UnavailableDoesNotExist)]);

        var owed = LettersDue.Owed(state).Select(d => (d.Kind, d.Subject)).ToList();

        Assert.Equal([(LetterKind.Consultation, "c1"), (LetterKind.ConsultationNotice, "c1"), (LetterKind.Answer, "")], owed);
    }

    [Fact]
    public void A_case_closed_in_the_old_words_owes_no_answer_of_todays_regulations()
    {
        var archived = CaseDecider.Fold([R, Issued(LetterKind.Receipt, "2023-03-01"), Decided("2023-03-20", Outcome.TransferredToArchives)]);
        var current = CaseDecider.Fold([R, Issued(LetterKind.Receipt, "2023-03-01"), Decided("2023-03-20", Outcome.UnavailableDoesNotExist)]);

        Assert.Empty(LettersDue.Owed(archived));
        Assert.Equal([LetterKind.Answer], LettersDue.Owed(current).Select(d => d.Kind));
    }
}
