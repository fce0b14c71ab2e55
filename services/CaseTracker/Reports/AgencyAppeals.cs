using CaseTracker.Agencies;
using CaseTracker.Bus;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Input;

namespace CaseTracker.Reports;

/// <summary>
/// A reconsideration (行政复议) or lawsuit (行政诉讼) about the agency's disclosure work that is not tied to a request in
/// CaseTracker (about 主动公开, or a request never recorded here), as LitigationTracker announced it.
/// </summary>
public sealed record AgencyAppeal(
    string Agency, string AppealId, AppealKind Kind, string Subject, DateOnly FiledOn, string Forum, bool AfterReconsideration,
    DateOnly? ConcludedOn, AppealResult? Result)
{
    public AgencyAppealRecord ToRecord() =>
        new(Agency, Subject, new AppealRecord(AppealId, Kind, AfterReconsideration, FiledOn, ConcludedOn, Result));
}

/// <summary>
/// The appeals not tied to a request (collection "agency-appeals", one document per agency and 案号). Section 四 counts them
/// with the appeals on the cases. Written only by the bus consumer: a repeated identical message changes nothing, a
/// message that contradicts what is kept is refused (and faulted to the error queue).
/// </summary>
public sealed class AgencyAppeals(DocumentStore documents, AgencyDirectory agencies, TimeProvider time)
{
    public const string Collection = "agency-appeals";

    public static string Key(string agency, string appealId) => $"{agency}|{appealId}";

    public async Task<IReadOnlyList<AgencyAppeal>> ListAsync(CancellationToken ct) =>
        (await documents.ListAsync<AgencyAppeal>(Collection, ct)).Select(d => d.Value)
            .OrderBy(a => a.FiledOn).ThenBy(a => a.Agency, StringComparer.Ordinal).ThenBy(a => a.AppealId, StringComparer.Ordinal).ToList();

    /// <summary>True when recorded now, false when the same filing was already kept.</summary>
    public async Task<bool> FileAsync(AgencyAppealFiledV1 m, string by, CancellationToken ct)
    {
        var kind = m.Kind switch
        {
            AppealKinds.Reconsideration => AppealKind.Reconsideration,
            AppealKinds.Lawsuit => AppealKind.Lawsuit,
            _ => throw new UnreadableMessageException($"类型“{m.Kind}”不是 reconsideration（行政复议）或 lawsuit（行政诉讼）。"),
        };
        if (!(await agencies.ListAsync(ct)).Any(a => a.Name == m.Agency))
        {
            throw new NotFoundException($"机关“{m.Agency}”未在 CaseTracker 登记，不能记入其行政复议或行政诉讼（{m.AppealId}）。");
        }

        NotInFuture(m.FiledOn, "立案（申请）日期", m.AppealId);
        var appeal = new AgencyAppeal(m.Agency, m.AppealId, kind, m.Subject, m.FiledOn, m.Forum, m.AfterReconsideration, null, null);
        if (await documents.GetAsync<AgencyAppeal>(Collection, Key(m.Agency, m.AppealId), ct) is { } kept)
        {
            return kept.Value with { ConcludedOn = null, Result = null } == appeal
                ? false
                : throw new UnreadableMessageException($"{m.Agency}已记有案号为“{m.AppealId}”的复议或诉讼，内容与本消息不同。");
        }

        await documents.PutAsync(Collection, Key(m.Agency, m.AppealId), appeal, by, expectedVersion: 0, ct: ct);
        return true;
    }

    /// <summary>True when recorded now, false when the same conclusion was already kept.</summary>
    public async Task<bool> ConcludeAsync(AgencyAppealConcludedV1 m, string by, CancellationToken ct)
    {
        var result = AppealConsumer.ParseResult(m.Result);
        var kept = await documents.GetAsync<AgencyAppeal>(Collection, Key(m.Agency, m.AppealId), ct)
            ?? throw new NotFoundException($"{m.Agency}没有案号为“{m.AppealId}”的复议或诉讼，不能记入其审结。");
        NotInFuture(m.ConcludedOn, "审结日期", m.AppealId);
        if (kept.Value.ConcludedOn is { } concluded)
        {
            return concluded == m.ConcludedOn && kept.Value.Result == result
                ? false
                : throw new UnreadableMessageException($"“{m.AppealId}”已于{concluded:yyyy-MM-dd}审结，本消息与之不同。");
        }

        if (m.ConcludedOn < kept.Value.FiledOn)
        {
            throw new UnreadableMessageException($"“{m.AppealId}”的审结日期{m.ConcludedOn:yyyy-MM-dd}早于立案日期{kept.Value.FiledOn:yyyy-MM-dd}。");
        }

        await documents.PutAsync(Collection, kept.Key, kept.Value with { ConcludedOn = m.ConcludedOn, Result = result }, by, kept.Version, ct);
        return true;
    }

    private void NotInFuture(DateOnly date, string label, string appealId)
    {
        if (date > time.Today())
        {
            throw new UnreadableMessageException($"“{appealId}”的{label}{date:yyyy-MM-dd}晚于今天，只能记入已经发生的事项。");
        }
    }
}
