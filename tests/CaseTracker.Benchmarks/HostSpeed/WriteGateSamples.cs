using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CaseTracker.EventStore.Sqlite;

namespace CaseTracker.Benchmarks.HostSpeed;

/// <summary>
/// The SQLite write gate's measurements while a row runs (<see cref="SqliteWriteGate.MeterName"/>): how long the
/// writers (appends, other write transactions such as the read-model follower's) waited for their turn and held it.
/// Printed under the row: where a slow command waits (its turn vs its work). Nothing on PostgreSQL.
/// </summary>
internal sealed class WriteGateSamples : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, string Writer, double Ms)> _samples = new();

    public WriteGateSamples()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SqliteWriteGate.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var writer = "?";
            foreach (var tag in tags)
            {
                writer = tag.Key == "writer" ? tag.Value as string ?? "?" : writer;
            }

            _samples.Enqueue((instrument.Name.EndsWith("wait", StringComparison.Ordinal) ? "wait" : "hold", writer, value));
        });
        _listener.Start();
    }

    public void Print(TextWriter output)
    {
        _listener.Dispose();
        foreach (var writer in _samples.Select(s => s.Writer).Distinct().Order(StringComparer.Ordinal))
        {
            var wait = Sorted("wait", writer);
            var hold = Sorted("hold", writer);
            output.WriteLine($"    SQLite write gate, {writer + "s:",-13} {hold.Count,4} turns; wait p50 {At(wait, 0.5),6:F1} p99 {At(wait, 0.99),6:F1} max {At(wait, 1),6:F1} ms; "
                + $"held p50 {At(hold, 0.5),5:F1} p99 {At(hold, 0.99),5:F1} max {At(hold, 1),6:F1} ms, {hold.Sum():F0} ms in all");
        }
    }

    public void Dispose() => _listener.Dispose();

    private List<double> Sorted(string instrument, string writer) =>
        _samples.Where(s => s.Instrument == instrument && s.Writer == writer).Select(s => s.Ms).Order().ToList();

    private static double At(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
