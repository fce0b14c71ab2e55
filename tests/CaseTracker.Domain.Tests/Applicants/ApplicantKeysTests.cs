using CaseTracker.Domain.Applicants;
using CaseTracker.Domain.Cases;

namespace CaseTracker.Domain.Tests.Applicants;

public class ApplicantKeysTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(ApplicantKeyKind.Name, " 张 三 ", "张三")]
    [InlineData(ApplicantKeyKind.Name, "阿依古丽•买买提", "阿依古丽·买买提")]
    [InlineData(ApplicantKeyKind.Name, "john smith", "JOHNSMITH")]
    [InlineData(ApplicantKeyKind.IdNumber, "１１０１０１ 19900307 123x", "11010119900307123X")]
    [InlineData(ApplicantKeyKind.IdNumber, "110101-19900307-123X", "11010119900307123X")]
    [InlineData(ApplicantKeyKind.Phone, "+86 138-0013-8000", "13800138000")]
    [InlineData(ApplicantKeyKind.Phone, "0086 13800138000", "13800138000")]
    [InlineData(ApplicantKeyKind.Phone, "（010）6512 3456", "01065123456")]
    [InlineData(ApplicantKeyKind.Phone, "   ", "")]
    public void Normalises_the_spellings_of_one_value(ApplicantKeyKind kind, string typed, string expected) =>
        Assert.Equal(expected, ApplicantKeys.Normalise(kind, typed));

    [Fact]
    public void Two_spellings_of_one_ID_number_hash_alike_and_the_kind_and_key_matter()
    {
        var keys = new ApplicantKeys(Key);
        var hash = keys.Hash(ApplicantKeyKind.IdNumber, "11010119900307123x");
        Assert.Equal(hash, keys.Hash(ApplicantKeyKind.IdNumber, "１１０１０１１９９００３０７１２３Ｘ"));
        Assert.Equal(64, hash!.Length);
        Assert.DoesNotContain("110101", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, keys.Hash(ApplicantKeyKind.Phone, "11010119900307123X"));
        Assert.NotEqual(hash, new ApplicantKeys(OtherKey).Hash(ApplicantKeyKind.IdNumber, "11010119900307123X"));
    }

    [Fact]
    public void Erased_or_missing_identifiers_give_no_hash()
    {
        var keys = new ApplicantKeys(Key);
        var subject = Guid.NewGuid();
        Assert.Empty(keys.Of(PersonalData.Erased(subject)));
        Assert.Empty(keys.Of(null));
        var some = keys.Of(new PersonalData(subject, "李四", null, " ", "某地"));
        Assert.Equal([ApplicantKeyKind.Name], some.Select(k => k.Kind));
    }

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ApplicantKeys(new byte[16]));
}
