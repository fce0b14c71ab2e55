using System.Diagnostics;
using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Benchmarks.Reports;

/// <summary>
/// Time and peak memory to produce a year's report from N cases. The records come from realistic demo histories folded
/// through the decider; the counting is the product's own streaming accumulator; the output is rendered to XLSX and DOCX.
/// Compared with the floor: one pass over the same records doing nothing but reading their fields.
/// </summary>
public static class ReportBenchmark
{
    public static void Run(int[] sizes, TextWriter output)
    {
        output.WriteLine("report: cases | records built (s) | floor pass (ms) | produce (ms) | ratio | render xlsx+docx (ms) | peak working set (MB)");
        var today = new DateOnly(2026, 11, 23);
        foreach (var size in sizes)
        {
            var records = Records(size, today);
            var tree = new AgencyTree(DemoAgencies.All.Select(a => new KeyValuePair<string, string?>(a.Name, a.Parent)));
            var request = new ReportRequest(AgencySelection.WithEverythingUnder(DemoAgencies.District, tree), 2025, today);
            var floor = Time(() => Floor(records));
            AnnualReport? report = null;
            var produce = Time(() => report = AnnualReports.Produce(records, request));
            var render = Time(() =>
            {
                ReportOutput.Render(report!, ReportOutputFormat.Xlsx);
                ReportOutput.Render(report!, ReportOutputFormat.Docx);
            });
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            output.WriteLine($"report: {size,9:N0} | {records.Built.TotalSeconds,6:F1} | {floor,8:F1} | {produce,8:F1} | {produce / Math.Max(floor, 0.001),6:F1}x | {render,8:F1} | {peak,6}");
        }
    }

    private sealed record RecordSet(IReadOnlyList<CaseRecord> Items, TimeSpan Built) : IEnumerable<CaseRecord>
    {
        public IEnumerator<CaseRecord> GetEnumerator() => Items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static RecordSet Records(int size, DateOnly today)
    {
        var started = Stopwatch.StartNew();
        var demo = new DemoCases(42, today, CasePolicy.Default).Generate(Math.Min(size, 50_000) / 4 + 1, 4).ToList();
        var templates = demo.Select(d => CaseRecord.From(CaseDecider.Fold(Events(d)))).ToList();
        var records = new List<CaseRecord>(size);
        for (var i = 0; i < size; i++)
        {
            records.Add(templates[i % templates.Count] with { CaseId = Guid.NewGuid() });
        }

        return new RecordSet(records, started.Elapsed);
    }

    private static IEnumerable<CaseEvent> Events(DemoCase demo) =>
        CaseDecider.DecideAll(demo.Commands, CaseState.Initial, CasePolicy.Default).Events;

    private static long Floor(IEnumerable<CaseRecord> records)
    {
        long sum = 0;
        foreach (var r in records)
        {
            sum += r.ReceivedOn.DayNumber + (r.ClosedOn?.DayNumber ?? 0) + (int)r.ApplicantType + r.Appeals.Count;
        }

        return sum;
    }

    private static double Time(Action action)
    {
        action();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
