using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;

namespace CaseTracker.Calendar;

/// <summary>
/// The policy decisions and clock readings use now. Loading a holiday notice reloads it, so the next decision and the
/// next page use the new calendar without a restart; the case list's projection reads it too, and the callers that load
/// a notice refresh the deadlines already stored for open cases (<c>ReadModelSet.RefreshOpenDeadlinesAsync</c>).
/// </summary>
public sealed class PolicySource(CasePolicy initial, DocumentStore documents)
{
    private CasePolicy _current = initial;

    public CasePolicy Current => Volatile.Read(ref _current);

    public async Task<IReadOnlyCollection<int>> LoadNoticeAsync(string csv, string by, TimeProvider time, CancellationToken ct)
    {
        var years = await CalendarNotices.SaveAsync(documents, csv, by, time, ct);
        var calendar = await CalendarNotices.LoadAsync(documents, ct);
        Volatile.Write(ref _current, Current with { Calendar = calendar });
        return years;
    }
}
