using CaseTracker.Portal;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>GB 11643 check characters worked by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, MOD 11 → 1 0 X 9 8 7 6 5 4 3 2).</summary>
public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("11010519491231002X")] // sum 167, 167 mod 11 = 2 → X
    [InlineData("44030419900307123X")]
    [InlineData("310115200002295674")] // born 29 February 2000
    [InlineData("650102198511200043")]
    public void Valid_numbers_pass(string number) => Assert.Null(ResidentIdNumber.Problem(number, Today));

    [Fact]
    public void A_wrong_check_character_names_the_right_one() =>
        Assert.Equal("校验位不符（按 GB 11643 应为 X），请核对号码", ResidentIdNumber.Problem("110105194912310021", Today));

    [Theory]
    [InlineData("11010519491231002", "应为 18 位（现为 17 位）")]
    [InlineData("1101051949123100XX", "前 17 位应为数字，最后一位为数字或 X")]
    [InlineData("00010519491231002X", "前两位“00”不是有效的省级行政区划代码")]
    [InlineData("310115200102295674", "第 7–14 位“20010229”不是有效的出生日期")]
    [InlineData("110105202712310025", "第 7–14 位“20271231”不是有效的出生日期")]
    public void Malformed_numbers_say_what_is_wrong(string number, string problem) => Assert.Equal(problem, ResidentIdNumber.Problem(number, Today));

    [Fact]
    public void A_lower_case_x_and_spaces_are_normalised() => Assert.Equal("11010519491231002X", ResidentIdNumber.Normalise("110105 19491231 002x"));

    [Fact]
    public void Query_codes_are_twenty_characters_of_crockford_base32_and_read_back_as_typed()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => QueryCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{20}$", c));
        Assert.Equal(1000, codes.Distinct().Count());
        Assert.Equal("0123456789ABCDEFGHJK", QueryCode.Normalise("o1234-56789-abcde-fghjk"));
        Assert.Equal("11000ABCDEFGHJKMNPQR", QueryCode.Normalise("IL0o0 ABCDE FGHJK MNPQR"));
        Assert.Null(QueryCode.Normalise("0123456789ABCDEFGHJ"));
        Assert.Null(QueryCode.Normalise("0123456789ABCDEFGHJU"));
        Assert.Equal("01234-56789-ABCDE-FGHJK", QueryCode.Display("0123456789ABCDEFGHJK"));
    }
}
