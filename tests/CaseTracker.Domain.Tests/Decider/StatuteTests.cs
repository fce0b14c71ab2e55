using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>Third parties (条例第三十二条), repeated requests (第三十六条第（六）项) and the words of the old ledgers.</summary>
public class StatuteTests
{
    private static readonly Received R = Received("2023-03-01");
    private static readonly ConsultationAnswered Objected = new("c1", D("2023-03-06"), ThirdPartyAnswer.Objects, "涉及本公司商业秘密");

    [Fact]
    public void The_third_partys_answer_is_kept_with_its_reasons()
    {
        Given(R, ThirdParty("c1", "2023-03-02")).When(new C.RecordConsultationAnswer("c1", D("2023-03-06"), ThirdPartyAnswer.Objects, " 涉及本公司商业秘密 "))
            .Then(Objected);
        var state = CaseDecider.Fold([R, ThirdParty("c1", "2023-03-02"), Objected]);
        Assert.True(state.Consultations[0].Objected);
        Assert.Equal("涉及本公司商业秘密", state.Consultations[0].ObjectionReasons);

        // 同意公开 keeps no reasons.
        Given(R, ThirdParty("c1", "2023-03-02")).When(new C.RecordConsultationAnswer("c1", D("2023-03-06"), ThirdPartyAnswer.Consents, "无"))
            .Then(new ConsultationAnswered("c1", D("2023-03-06"), ThirdPartyAnswer.Consents));
    }

    [Fact]
    public void After_an_objection_the_agency_may_withhold_for_the_third_party_without_more()
    {
        Given(R, ThirdParty("c1", "2023-03-02"), Objected).When(Answer("2023-03-20", Outcome.RefusedThirdPartyRights))
            .Then(Decided("2023-03-20", Outcome.RefusedThirdPartyRights));
        Given(R, ThirdParty("c1", "2023-03-02"), Objected).When(Answer("2023-03-20", Outcome.PartiallyDisclosed, Outcome.RefusedThirdPartyRights))
            .Then(new Decided(D("2023-03-20"), Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights]), ""));
    }

    [Fact]
    public void Disclosure_against_the_objection_follows_the_public_interest_decision_and_the_notice()
    {
        var decided = new PublicInterestDisclosureDecided("c1", D("2023-03-08"), "涉及公众健康，不公开可能对公共利益造成重大影响", D("2023-03-10"));
        Given(R, ThirdParty("c1", "2023-03-02"), Objected, decided).When(Answer("2023-03-10")).Then(Decided("2023-03-10"));
        Given(R, ThirdParty("c1", "2023-03-02"), Objected, decided).When(Answer("2023-03-09")).ThenRefused("decision.before_third_party_notified");

        var state = CaseDecider.Fold([R, ThirdParty("c1", "2023-03-02"), Objected, decided]);
        Assert.Equal(D("2023-03-10"), Assert.Single(state.PublicInterestDisclosures).ThirdPartyNotifiedOn);
    }

    [Fact]
    public void A_third_party_that_did_not_answer_does_not_stop_disclosure()
    {
        var lapse = new ConsultationLapsed("c1", D("2023-03-24"));
        Given(R, ThirdParty("c1", "2023-03-02"), lapse).When(Answer("2023-04-10")).Then(Decided("2023-04-10"));
    }

    [Fact]
    public void A_repeated_request_names_the_earlier_request()
    {
        Given(R).When(Answer("2023-03-20", Outcome.NotProcessedRepeat) with { RepeatOf = " 2022-017 " })
            .Then(new Decided(D("2023-03-20"), Outcome.NotProcessedRepeat, GroundList.None, "", RepeatOf: "2022-017"));
    }

    [Theory]
    [InlineData("已移送档案馆", Outcome.TransferredToArchives)]
    [InlineData("不予公开", Outcome.RefusedUnspecified)]
    [InlineData("申请内容不明确", Outcome.UnavailableUnclear)]
    [InlineData("不属于政府信息", Outcome.OtherNotGovernmentInformation)]
    [InlineData("同意部分公开", Outcome.PartiallyDisclosed)]
    public void The_old_words_name_outcomes_for_cases_received_before_2019_05_15(string words, Outcome outcome)
    {
        Assert.Equal(outcome, OutcomeTaxonomy.ParsePre2019(words));
    }

    [Fact]
    public void An_old_case_closes_in_the_old_words_and_comes_by_letter()
    {
        var old = Received("2019-05-14", channel: Channel.Letter);
        Given().When(Receive("2019-05-14", channel: Channel.Letter)).Then(old);
        Given(old).When(Answer("2019-05-20", Outcome.TransferredToArchives)).Then(Decided("2019-05-20", Outcome.TransferredToArchives));
        Given(old).When(Answer("2019-05-20", Outcome.PartiallyDisclosed) with { GroundsNotRecorded = true })
            .Then(new Decided(D("2019-05-20"), Outcome.PartiallyDisclosed, GroundList.None, "", GroundsNotRecorded: true));
    }

    [Fact]
    public void Live_forms_never_offer_the_old_words()
    {
        Assert.DoesNotContain("已移送档案馆", OutcomeTaxonomy.DetailsOf(Disposition.Unavailable));
        Assert.Null(OutcomeTaxonomy.Parse(Disposition.Unavailable, "申请内容不明确"));
        Assert.False(Outcome.RefusedUnspecified.IsWithholdingGround());
        Assert.DoesNotContain(Vocabulary.Channels, c => c.Channel.IsLegacy());
        Assert.Equal("信函", Channel.Letter.Label());
    }
}
