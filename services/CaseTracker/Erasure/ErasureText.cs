using CaseTracker.Domain.Cases;

namespace CaseTracker.Erasure;

/// <summary>How the case page, its print view and the API say that the applicant's personal data was erased.</summary>
public static class ErasureText
{
    public const string Mark = "（个人信息已删除）";

    /// <summary>"已于 … 删除（理由：…；操作人 …）", or null while the data is kept.</summary>
    public static string? Of(CaseState state) =>
        state.Erasure is { } e ? $"{Mark} 已于 {e.On:yyyy-MM-dd} 删除（理由：{e.Reason}；操作人 {e.By}）" : null;
}
