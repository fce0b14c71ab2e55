using System.Text.Json;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Tests.Outcomes;

/// <summary>
/// Every outcome maps to a row of each table format. The row codes and labels are those of the published reports
/// in Reference/ (copies of /work/shared/reference/tables: 西城区 2020 in format 2019, 2023 in format 2021).
/// </summary>
public class OutcomeTaxonomyTests
{
    private static readonly IReadOnlyList<(string Code, string Label)> Format2019 = Rows("xicheng-district-2020.json", "2019");
    private static readonly IReadOnlyList<(string Code, string Label)> Format2021 = Rows("xicheng-district-2023.json", "2021");

    public static TheoryData<Outcome> Outcomes => new(Enum.GetValues<Outcome>());

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_outcome_maps_to_a_row_of_both_formats_and_a_pre_2019_category(Outcome outcome)
    {
        var info = outcome.Info();

        Assert.Equal(outcome, info.Outcome);
        Assert.Contains(info.Row2021, Format2021.Select(r => r.Code));
        Assert.Contains(info.Row2019, Format2019.Select(r => r.Code));
        Assert.Contains(info.Pre2019, OutcomeTaxonomy.Pre2019Categories);
        Support.Scenario.AssertChinese(outcome.Label());
    }

    [Fact]
    public void Every_result_row_of_format_2021_is_reached_by_some_outcome()
    {
        var results = Format2021.Where(r => r.Label.StartsWith("三、", StringComparison.Ordinal) && r.Code != "total").Select(r => r.Code);

        Assert.All(results, code => Assert.Contains(OutcomeTaxonomy.All, o => o.Row2021 == code));
    }

    [Fact]
    public void Format_2019_has_one_row_for_other_handling()
    {
        var other = OutcomeTaxonomy.All.Where(o => o.Disposition == Disposition.OtherHandling || o.Outcome == Outcome.Withdrawn);

        Assert.All(other, o => Assert.Equal("other", o.Row2019));
        Assert.Equal("other.no_supplement", Outcome.OtherSupplementLapsed.Info().Row2021);
        Assert.Equal("other.fee_unpaid", Outcome.OtherFeeUnpaid.Info().Row2021);
        Assert.Equal("other.other", Outcome.Withdrawn.Info().Row2021);
    }

    public static TheoryData<string, string> OfficialLabels()
    {
        var data = new TheoryData<string, string>();
        foreach (var (code, label) in Format2021.Where(r => r.Label.Count(c => c == '/') == 2))
        {
            data.Add(code, label);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OfficialLabels))]
    public void The_official_numbered_labels_parse_to_an_outcome_of_their_row(string code, string label)
    {
        // "三、本年度办理结果/（三）不予公开/1.属于国家秘密" → 不予公开 + "1.属于国家秘密".
        var parts = label.Split('/');
        var disposition = OutcomeTaxonomy.ParseDisposition(parts[1][(parts[1].IndexOf('）', StringComparison.Ordinal) + 1)..]);

        var outcome = OutcomeTaxonomy.Parse(Assert.NotNull(disposition), parts[2]);

        Assert.Equal(code, Assert.NotNull(outcome).Info().Row2021);
    }

    [Theory]
    [InlineData("予以公开", "", Outcome.DisclosedProvided)]
    [InlineData("予以公开", "已主动公开", Outcome.DisclosedProactivelyPublished)]
    [InlineData("部分公开", null, Outcome.PartiallyDisclosed)]
    [InlineData("不予公开", "属于国家秘密", Outcome.RefusedStateSecret)]
    [InlineData("不予公开", "危及“三安全一稳定”", Outcome.RefusedSecurityStability)]
    [InlineData("不予公开", "属于行政查询事项", Outcome.RefusedAdministrativeQuery)]
    [InlineData("无法提供", "本机关不掌握相关政府信息", Outcome.UnavailableNotHeld)]
    [InlineData("无法提供", "信息不存在", Outcome.UnavailableDoesNotExist)]
    [InlineData("无法提供", "非本机关负责公开", Outcome.UnavailableHeldByOtherAgency)]
    [InlineData("无法提供", "没有现成信息需要另行制作", Outcome.UnavailableNeedsCreation)]
    [InlineData("无法提供", "补正后申请内容仍不明确", Outcome.UnavailableUnclearAfterSupplement)]
    [InlineData("不予处理", "信访举报投诉类申请", Outcome.NotProcessedPetition)]
    [InlineData("不予处理", "要求行政机关确认或重新出具已获取信息", Outcome.NotProcessedConfirmation)]
    [InlineData("其他处理", "逾期不补正", Outcome.OtherSupplementLapsed)]
    [InlineData("其他处理", "逾期未缴费", Outcome.OtherFeeUnpaid)]
    [InlineData("其他处理", "其他", Outcome.OtherOther)]
    [InlineData("其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Outcome.OtherFeeUnpaid)]
    [InlineData("不予公开", " 1．属于国家秘密 ", Outcome.RefusedStateSecret)]
    [InlineData("不予处理", "2、重复申请", Outcome.NotProcessedRepeat)]
    [InlineData("撤回", "", Outcome.Withdrawn)]
    public void Ledger_short_labels_and_numbered_labels_parse(string disposition, string? detail, Outcome expected)
    {
        var parsed = OutcomeTaxonomy.ParseDisposition(disposition);

        Assert.Equal(expected, OutcomeTaxonomy.Parse(Assert.NotNull(parsed), detail));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_outcome_parses_back_from_its_own_labels(Outcome outcome)
    {
        var info = outcome.Info();

        // The old ledgers' outcomes come back from their old words only; live entry never parses them.
        Assert.Equal(outcome, outcome.IsLegacy() ? OutcomeTaxonomy.ParsePre2019(info.Pre2019) : OutcomeTaxonomy.Parse(info.Disposition, info.Detail));
        Assert.Equal(info.Disposition, OutcomeTaxonomy.ParseDisposition(info.Disposition.Label()));
    }

    [Theory]
    [InlineData(Disposition.Refused, "")]
    [InlineData(Disposition.Unavailable, null)]
    [InlineData(Disposition.NotProcessed, "不存在的情形")]
    [InlineData(Disposition.Refused, "本机关不掌握相关政府信息")]
    public void A_missing_unknown_or_misplaced_detail_does_not_parse(Disposition disposition, string? detail)
    {
        Assert.Null(OutcomeTaxonomy.Parse(disposition, detail));
        Assert.True(disposition.RequiresDetail());
    }

    [Fact]
    public void Grounds_for_withholding_part_are_refusals_and_unavailability_only()
    {
        var grounds = Enum.GetValues<Outcome>().Where(o => o.IsWithholdingGround()).ToList();

        Assert.Equal(13, grounds.Count);
        Assert.All(grounds, g => Assert.True(g.Info().Disposition is Disposition.Refused or Disposition.Unavailable));
    }

    private static List<(string Code, string Label)> Rows(string file, string format)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", file)));
        Assert.Equal(format, json.RootElement.GetProperty("format").GetString());
        return json.RootElement.GetProperty("section3").GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("label").GetString()!))
            .ToList();
    }
}
