namespace CaseTracker.Domain.Cases;

/// <summary>What a document of the case file is. Some carry the applicant's personal data (see <see cref="DocumentKinds"/>).</summary>
public enum DocumentKind
{
    ApplicationForm,
    Envelope,
    IdCopy,
    ThirdPartyReply,
    DeliveryReceipt,
    DisclosedFile,
    Other,
}

public static class DocumentKinds
{
    public static readonly IReadOnlyList<(DocumentKind Value, string Label)> All =
    [
        (DocumentKind.ApplicationForm, "申请表"),
        (DocumentKind.Envelope, "信封"),
        (DocumentKind.IdCopy, "身份证明复印件"),
        (DocumentKind.ThirdPartyReply, "第三方意见"),
        (DocumentKind.DeliveryReceipt, "送达回证"),
        (DocumentKind.DisclosedFile, "公开的信息"),
        (DocumentKind.Other, "其他材料"),
    ];

    public static string Label(this DocumentKind kind) => All.First(k => k.Value == kind).Label;

    /// <summary>
    /// The kinds that show the applicant's name, address, signature or identity number: seen only by those who see the
    /// applicant's personal data on the case page.
    /// </summary>
    public static bool HoldsPersonalData(this DocumentKind kind) =>
        kind is DocumentKind.ApplicationForm or DocumentKind.Envelope or DocumentKind.IdCopy or DocumentKind.DeliveryReceipt;
}
