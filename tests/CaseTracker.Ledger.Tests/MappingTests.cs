using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Ledger.Import;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Ledger.Tests;

public class MappingTests
{
    private const string Agency = "某区政务服务局";

    internal static Dictionary<string, string> FullRow() => new()
    {
        ["编号"] = "2023-017",
        ["办理机关"] = Agency,
        ["收到日期"] = "2023/3/7",
        ["申请人类型"] = "自然人",
        ["申请方式"] = "网络",
        ["申请人"] = "张三",
        ["证件号码"] = "110101199001011234",
        ["联系电话"] = "13800138000",
        ["联系地址"] = "北京市某区某路1号",
        ["申请内容"] = "某路段施工许可, 含\"附件\"\n第二行",
        ["补正告知日期"] = "2023-03-09",
        ["补正期限"] = "2023.3.24",
        ["补正收到日期"] = "2023年3月15日",
        ["征求意见对象"] = "第三方",
        ["征求意见开始日期"] = "2023-03-20",
        ["征求意见结束日期"] = "2023-03-31",
        ["延期日期"] = "2023-04-10",
        ["收费通知日期"] = "2023-04-03",
        ["缴费日期"] = "2023-04-06",
        ["答复日期"] = "2023-04-28",
        ["答复类型"] = "部分公开",
        ["具体情形"] = "保护第三方合法权益；6.属于四类过程性信息",
        ["行政复议日期"] = "2023-05-10",
        ["行政复议结果"] = "结果维持",
        ["行政复议审结日期"] = "2023-07-01",
        ["行政诉讼日期"] = "2023-07-20",
        ["诉讼类型"] = "复议后起诉",
        ["行政诉讼结果"] = "",
        ["行政诉讼审结日期"] = "",
    };

    [Fact]
    public void A_full_row_becomes_its_milestone_commands_in_order()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(FullRow()));

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        var planned = Assert.Single(plan.CasesToImport);
        Assert.Equal(2, planned.Row);
        Assert.Equal(new LedgerCaseKey(Agency, "2023-017"), planned.Key);
        var receive = Assert.IsType<Receive>(planned.Commands.First());
        Assert.Equal(planned.CaseId, receive.CaseId);
        Assert.Equal(
            new PersonalData(receive.Applicant!.SubjectId, "张三", "110101199001011234", "13800138000", "北京市某区某路1号"),
            receive.Applicant);
        Assert.Equal(
            new Receive(planned.CaseId, Agency, "2023-017", D(2023, 3, 7), Channel.Online, ApplicantType.NaturalPerson, receive.Applicant,
                "某路段施工许可, 含\"附件\"\n第二行", ""),
            receive);
        CaseCommand[] rest =
        [
            new RequestSupplement(D(2023, 3, 9), "台账登记（未载明补正事项）", D(2023, 3, 24)),
            new RecordSupplement(D(2023, 3, 15)),
            new StartConsultation("ledger-1", ConsultationKind.ThirdParty, "第三方", D(2023, 3, 20)),
            new RecordConsultationAnswer("ledger-1", D(2023, 3, 31)),
            new IssueFeeNotice(D(2023, 4, 3), 100m, FeeMethod.PerItem, D(2023, 4, 3)),
            new RecordFeePayment(D(2023, 4, 6)),
            new Extend(D(2023, 4, 10), "台账导入", "台账登记", D(2023, 4, 10)),
            new Answer(D(2023, 4, 28), Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights, Outcome.RefusedProcessInformation]), ""),
            new FileReconsideration("ledger-reconsideration-1", D(2023, 5, 10), ""),
            new ConcludeReconsideration("ledger-reconsideration-1", D(2023, 7, 1), AppealResult.Upheld),
            new FileLawsuit("ledger-lawsuit-1", D(2023, 7, 20), "", true),
        ];
        Assert.Equal(rest, planned.Commands.Skip(1));
    }

    [Fact]
    public void A_per_volume_notice_without_pages_keeps_its_written_amount_as_a_leniency_and_without_amount_either_is_refused()
    {
        var row = FullRow();
        row["计费方式"] = "按量";
        row["收费金额"] = "350";
        var plan = Imports.Plan(LedgerFiles.Csv(row));

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        var planned = Assert.Single(plan.CasesToImport);
        Assert.Contains(new IssueFeeNotice(D(2023, 4, 3), 350m, FeeMethod.PerVolume, D(2023, 4, 3)), planned.Commands);
        Assert.Contains(LedgerLeniency.FeeBasis, planned.Leniencies);

        row.Remove("收费金额");
        var refused = Imports.Plan(LedgerFiles.Csv(row));
        Assert.False(refused.IsValid);
        Assert.Contains(refused.Errors, e => e.Column == "计费页数" && e.Reason.Contains("计费页数或收费金额", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("撤回", "", typeof(Withdraw))]
    [InlineData("其他处理", "逾期未缴费", typeof(LapseFee))]
    [InlineData("其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", typeof(LapseFee))]
    public void Withdrawal_and_lapses_close_the_case_with_their_own_milestone(string disposition, string detail, Type expected)
    {
        var row = LedgerFiles.Row().With("收费通知日期", "2023-03-10").With("答复日期", "2023-04-20")
            .With("答复类型", disposition).With("具体情形", detail);

        var planned = Assert.Single(Imports.Plan(LedgerFiles.Csv(row)).CasesToImport);

        var closure = planned.Commands.Last();
        Assert.IsType(expected, closure);
        Assert.Equal(D(2023, 4, 20), expected == typeof(Withdraw) ? ((Withdraw)closure).On : ((LapseFee)closure).On);
    }

    [Fact]
    public void Supplement_lapse_after_a_notice_closes_with_LapseSupplement()
    {
        var row = LedgerFiles.Row().With("补正告知日期", "2023-03-08").With("补正期限", "2023-03-23")
            .With("答复日期", "2023-03-30").With("答复类型", "其他处理").With("具体情形", "逾期不补正");

        var planned = Assert.Single(Imports.Plan(LedgerFiles.Csv(row)).CasesToImport);

        Assert.Equal(new LapseSupplement(D(2023, 3, 30)), planned.Commands.Last());
    }

    [Theory]
    [InlineData("不予公开", "1.属于国家秘密", Outcome.RefusedStateSecret)]
    [InlineData("不予公开", "属于国家秘密", Outcome.RefusedStateSecret)]
    [InlineData("无法提供", "信息不存在", Outcome.UnavailableDoesNotExist)]
    [InlineData("不予处理", "2.重复申请", Outcome.NotProcessedRepeat)]
    [InlineData("予以公开", "已主动公开", Outcome.DisclosedProactivelyPublished)]
    [InlineData("予以公开", "", Outcome.DisclosedProvided)]
    [InlineData("其他处理", "其他", Outcome.OtherOther)]
    public void Disposition_and_detail_become_the_answer_outcome(string disposition, string detail, Outcome outcome)
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", disposition).With("具体情形", detail);

        var planned = Assert.Single(Imports.Plan(LedgerFiles.Csv(row)).CasesToImport);

        // A 重复申请 without 原申请编号 (the column old ledgers lack) is accepted with the link marked as not recorded.
        var repeatOf = outcome == Outcome.NotProcessedRepeat ? Import.LedgerDefaults.RepeatOfUnrecorded : null;
        Assert.Equal(new Answer(D(2023, 3, 20), outcome, GroundList.None, "", RepeatOf: repeatOf), planned.Commands.Last());
    }

    [Fact]
    public void Partial_disclosure_takes_its_grounds_from_the_detail_separated_by_enumeration_commas()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "部分公开").With("具体情形", "1、属于国家秘密、信息不存在");

        var planned = Assert.Single(Imports.Plan(LedgerFiles.Csv(row)).CasesToImport);

        Assert.Equal(new GroundList([Outcome.RefusedStateSecret, Outcome.UnavailableDoesNotExist]), ((Answer)planned.Commands.Last()).WithheldGrounds);
    }

    [Fact]
    public void Case_id_depends_only_on_agency_and_number_and_is_a_version_5_style_uuid()
    {
        var a = LedgerIds.CaseId(Agency, "2023-001");

        Assert.Equal(a, LedgerIds.CaseId($" {Agency} ", "2023-001 "));
        Assert.NotEqual(a, LedgerIds.CaseId("某区教育局", "2023-001"));
        Assert.NotEqual(a, LedgerIds.CaseId(Agency, "2023-002"));
        Assert.Equal('5', a.ToString()[14]);
        Assert.Contains(a.ToString()[19], "89ab");
    }

    [Fact]
    public void Ids_stay_what_earlier_imports_made_them()
    {
        // Worked out outside the product (Python: SHA-256 of the namespace's big-endian bytes and the UTF-8 name, first 16
        // bytes, version 5 and RFC variant bits): a store imported by any earlier version names the same cases and subjects.
        Assert.Equal(Guid.Parse("39543162-b32d-5180-9ea6-eef1613fc698"), LedgerIds.CaseId(Agency, "2023-001"));
        Assert.Equal(Guid.Parse("36b1f071-1698-51af-9fcc-083ad6bee78c"), LedgerIds.SubjectId(Agency, "2023-001", "110101199001011234"));
        Assert.Equal(Guid.Parse("2074232a-8aa9-5af6-bc04-d23868af5aa1"), LedgerIds.SubjectId(Agency, "2023-001", null));
        Assert.Equal(Guid.Parse("fba737a7-76c5-5718-b4d5-45b1dac846a9"), LedgerIds.CaseId(new string('甲', 200), "1"));
    }

    [Fact]
    public void The_same_id_number_is_one_subject_within_an_agency_and_a_case_without_one_has_its_own()
    {
        Assert.Equal(LedgerIds.SubjectId(Agency, "1", "X1"), LedgerIds.SubjectId(Agency, "2", "X1"));
        Assert.NotEqual(LedgerIds.SubjectId(Agency, "1", "X1"), LedgerIds.SubjectId("某区教育局", "1", "X1"));
        Assert.NotEqual(LedgerIds.SubjectId(Agency, "1", null), LedgerIds.SubjectId(Agency, "2", null));
    }

    [Fact]
    public void A_row_without_personal_data_has_no_applicant()
    {
        var planned = Assert.Single(Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row())).CasesToImport);

        Assert.Null(((Receive)planned.Commands.Single()).Applicant);
    }

    internal static DateOnly D(int y, int m, int d) => new(y, m, d);
}
