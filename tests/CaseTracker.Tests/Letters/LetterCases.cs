using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Letters;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Tests.Letters;

/// <summary>Small cases folded straight from events (the letters read the state, not the rules), issued on 2026-04-01.</summary>
public static class LetterCases
{
    public const string Number = "测教公开〔2026〕12号";

    public static readonly DateOnly IssuedOn = new(2026, 4, 1);

    public static readonly Agency Agency = new("测试区教育局", null, Letters: new LetterSettings("测教公开", "测试区人民政府", "测试区人民法院"));

    public static readonly PersonalData Applicant = new(Guid.Parse("6f1d7c1e-0000-4000-8000-000000000001"), "张三", "110101199001011234", "13800000000", "测试区幸福路1号");

    public static Received Receipt { get; } = new(
        Guid.Parse("6f1d7c1e-0000-4000-8000-000000000002"), "测试区教育局", "2026-0007", new DateOnly(2026, 3, 2), Channel.Post,
        ApplicantType.NaturalPerson, Applicant, "2025年学校食堂采购合同", "纸质");

    public static CaseState Case(params CaseEvent[] after) => CaseDecider.Fold([Receipt, .. after]);

    /// <summary>The letter of a kind, rendered with the shipped template and filled for someone who may see the applicant.</summary>
    public static RenderedLetter Render(CaseState state, LetterKind kind, bool visible = true)
    {
        var due = LettersDue.Find(state, kind)!;
        var model = LetterModel.Build(state, Agency, due, Number, IssuedOn, CasePolicy.Default);
        return LetterRenderer.Render(kind, DefaultTemplates.For(kind), model, Number, Agency.Name, "2026年4月1日").For(Applicant, visible);
    }
}
