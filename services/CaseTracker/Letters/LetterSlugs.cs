using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;

namespace CaseTracker.Letters;

/// <summary>The names of the kinds in URLs and on the command line (KIND of <c>casetracker letter</c>).</summary>
public static class LetterSlugs
{
    public static readonly IReadOnlyList<(LetterKind Kind, string Slug)> All =
    [
        (LetterKind.Receipt, "receipt"),
        (LetterKind.Supplement, "supplement"),
        (LetterKind.Extension, "extension"),
        (LetterKind.Consultation, "consultation"),
        (LetterKind.ConsultationNotice, "consultation-notice"),
        (LetterKind.Fee, "fee"),
        (LetterKind.Reasons, "reasons"),
        (LetterKind.Delay, "delay"),
        (LetterKind.Answer, "answer"),
        (LetterKind.Withdrawal, "withdrawal"),
    ];

    public static string Slug(this LetterKind kind) => All.First(k => k.Kind == kind).Slug;

    public static LetterKind Parse(string slug) =>
        All.FirstOrDefault(k => k.Slug == slug.Trim().ToLowerInvariant()) is { Slug: not null } found
            ? found.Kind
            : throw new UserError("KIND", $"没有“{slug}”这种文书；可用：{string.Join("、", All.Select(k => $"{k.Slug}（{k.Kind.Label()}）"))}。");

    public static readonly IReadOnlyList<(DeliveryMethod Method, string Label)> Methods =
    [
        (DeliveryMethod.InPerson, "当面送达（签收）"),
        (DeliveryMethod.Post, "邮寄送达（EMS）"),
        (DeliveryMethod.Electronic, "电子送达（电子邮件或门户网站）"),
    ];
}
