using CaseTracker.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using Microsoft.Extensions.Options;

namespace CaseTracker.Composition;

/// <summary>
/// The store the settings name, opened (and migrated) once, and the policy decisions start from: the calendar as the
/// administrators extended it, the clock settings as the operator set them. The container owns and disposes the store.
/// </summary>
public sealed class OpenedStore(IOptions<CaseTrackerOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private Task<(SqlEventStore Store, CasePolicy Policy)>? _opening;

    public SqlEventStore Store => OpenAsync(CancellationToken.None).GetAwaiter().GetResult().Store;

    public CasePolicy InitialPolicy => OpenAsync(CancellationToken.None).GetAwaiter().GetResult().Policy;

    public Task<(SqlEventStore Store, CasePolicy Policy)> OpenAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return _opening ??= OpenCoreAsync(ct);
        }
    }

    private async Task<(SqlEventStore Store, CasePolicy Policy)> OpenCoreAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var location = StoreLocation.Parse(settings.Store) ?? StoreLocation.Default;
        var clock = ClockSettingsSource.From(settings);
        var store = await location.OpenAsync(time, ct);
        try
        {
            var calendar = await CalendarNotices.LoadAsync(new DocumentStore(store, time), ct);
            return (store, new CasePolicy(calendar, clock));
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
