using System.Collections.Immutable;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Text;

namespace CaseTracker.Domain.Tests.Text;

/// <summary>TextRules.Find names the first text field holding a control character by its camelCase path.</summary>
public class TextRulesTests
{
    private sealed record Inner(string Name, DateOnly On, Guid Id, int Count);

    private sealed record Outer(string Title, Inner Applicant, IReadOnlyList<Inner> Others, IReadOnlyDictionary<string, string> Extra, ImmutableArray<string> Tags, Inner? Missing);

    private static Outer Clean() => new("标题", new Inner("张三", new DateOnly(2026, 1, 5), Guid.Empty, 3),
        [new Inner("李四", new DateOnly(2026, 1, 6), Guid.Empty, 1)], new Dictionary<string, string> { ["Note"] = "备注" }, ["甲", "乙"], null);

    [Fact]
    public void A_clean_value_has_no_finding()
    {
        Assert.Null(TextRules.Find(Clean()));
        Assert.Null(TextRules.Find(null));
    }

    [Fact]
    public void A_top_level_field_is_named_in_camel_case()
    {
        Assert.Equal(("title", '\u0007'), TextRules.Find(Clean() with { Title = "标\u0007题" }));
    }

    [Fact]
    public void A_nested_record_field_is_named_by_its_dotted_path()
    {
        var value = Clean() with { Applicant = new Inner("张\u0000三", new DateOnly(2026, 1, 5), Guid.Empty, 3) };
        Assert.Equal(("applicant.name", '\u0000'), TextRules.Find(value));
    }

    [Fact]
    public void An_item_of_a_list_is_named_by_the_list_and_the_field_without_an_index()
    {
        var value = Clean() with { Others = [new Inner("好", default, Guid.Empty, 0), new Inner("坏\u001B", default, Guid.Empty, 0)] };
        Assert.Equal(("others.name", '\u001B'), TextRules.Find(value));
    }

    [Fact]
    public void A_dictionary_value_is_named_by_its_key_in_camel_case_and_a_bad_key_by_the_dictionary()
    {
        Assert.Equal(("extra.note", '\u0001'), TextRules.Find(Clean() with { Extra = new Dictionary<string, string> { ["Note"] = "x\u0001" } }));
        Assert.Equal(("extra", '\u0002'), TextRules.Find(Clean() with { Extra = new Dictionary<string, string> { ["k\u0002"] = "x" } }));
    }

    [Fact]
    public void A_struct_collection_and_the_first_of_two_bad_fields_are_found()
    {
        Assert.Equal(("tags", '\u0003'), TextRules.Find(Clean() with { Tags = ["甲", "乙\u0003"] }));
        var both = Clean() with { Title = "\u0004", Applicant = new Inner("\u0005", default, Guid.Empty, 0) };
        Assert.Equal(("title", '\u0004'), TextRules.Find(both));
    }

    [Fact]
    public void Tab_line_feed_and_carriage_return_are_allowed()
    {
        Assert.Null(TextRules.Find(Clean() with { Title = "一\t二\n三\r四" }));
    }

    [Fact]
    public void A_command_names_its_field()
    {
        var command = new CaseCommand.StartConsultation("c-1", ConsultationKind.ThirdParty, "第三\u0001方", new DateOnly(2026, 11, 2));
        Assert.Equal(("party", '\u0001'), TextRules.Find(command));
    }
}
