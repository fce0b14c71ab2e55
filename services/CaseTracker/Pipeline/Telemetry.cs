using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CaseTracker.Pipeline;

/// <summary>The product's own metrics and traces (exported through OpenTelemetry when the host runs).</summary>
public static class Telemetry
{
    public const string Name = "CaseTracker";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("casetracker.request.duration", "ms", "Mediator request latency");

    public static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>("casetracker.append.duration", "ms", "Event store append latency");

    public static readonly Counter<long> ConflictRetries =
        Meter.CreateCounter<long>("casetracker.append.conflict_retries", description: "Appends decided again after a version conflict");
}
