using CaseTracker.Agencies;
using CaseTracker.Pipeline;

namespace CaseTracker.Web.Tests;

/// <summary>The 编号规则 of an agency: parsed with Chinese errors naming the field, formatted, and read back from a number.</summary>
public class CaseNumberPatternTests
{
    [Theory]
    [InlineData("{年}-{机关代码}-{序号:4}", 2026, "JYJ", 7, "2026-JYJ-0007")]
    [InlineData("{年}-{机关代码}-{序号:4}", 2026, "JYJ", 12345, "2026-JYJ-12345")]
    [InlineData("依申请〔{年}〕{序号}号", 2025, null, 31, "依申请〔2025〕31号")]
    [InlineData("{机关代码}{年}{序号：3}", 2027, "W", 5, "W2027005")]
    public void A_pattern_gives_the_number_and_reads_its_sequence_back(string text, int year, string? code, int sequence, string number)
    {
        var pattern = CaseNumberPattern.Parse(text);

        Assert.Equal(number, pattern.Format(year, code, sequence));
        Assert.Equal(sequence, pattern.SequenceOf(number, year, code));
    }

    [Theory]
    [InlineData("2025-JYJ-0007")] // another year
    [InlineData("2026-WJW-0007")] // another agency's code
    [InlineData("2026-JYJ-A007")] // not a sequence
    [InlineData("手工编号-1")]    // typed by hand
    public void A_number_the_pattern_did_not_give_for_the_year_and_code_has_no_sequence(string number) =>
        Assert.Null(CaseNumberPattern.Parse("{年}-{机关代码}-{序号:4}").SequenceOf(number, 2026, "JYJ"));

    [Theory]
    [InlineData("{年}-{月}-{序号}", "占位符{月}不认识：可用的占位符为{年}、{机关代码}、{序号}或{序号:位数}")]
    [InlineData("{年}-{机关代码}", "没有{序号}：每个编号须含一个序号")]
    [InlineData("{序号}-{序号}", "含有2个{序号}，只能有一个")]
    [InlineData("{年}-{序号", "的“{”没有对应的“}”")]
    [InlineData("{年}}-{序号}", "有多余的“}”")]
    [InlineData("{序号:0}", "的位数应为 1 到 9")]
    [InlineData("  ", "编号规则不能为空")]
    public void A_bad_pattern_is_refused_in_Chinese_naming_the_field(string text, string message)
    {
        var error = Assert.Throws<UserError>(() => CaseNumberPattern.Parse(text));

        Assert.Equal("编号规则", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_pattern_with_the_agency_code_cannot_number_an_agency_without_one()
    {
        var error = Assert.Throws<UserError>(() => CaseNumberPattern.Parse("{年}-{机关代码}-{序号}").Format(2026, null, 1));
        Assert.Equal("机关代码", error.Field);
    }
}
