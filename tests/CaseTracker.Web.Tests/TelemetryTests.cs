using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using CaseTracker.Pipeline;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

[Collection(HostCollection.Name)]
public sealed class TelemetryTests(HostFixture host)
{
    [Fact]
    public async Task A_refused_command_leaves_a_span_with_the_rule_and_no_personal_data()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        await api.RecordAsync(id, "record-fee-payment", new { on = ApiHelpers.Today.Iso() }, etag);

        var refused = Assert.Single(spans, s => s.GetTagItem("casetracker.case_id") as string == id.ToString() && s.Status == ActivityStatusCode.Error);
        Assert.Equal("RecordFeePayment", refused.GetTagItem("casetracker.command"));
        Assert.StartsWith("fee.", refused.StatusDescription);
        Assert.Contains(spans, s => s.GetTagItem("casetracker.command") as string == "Receive" && s.GetTagItem("casetracker.case_id") as string == id.ToString());
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value is string v && (v.Contains("张三") || v.Contains("13800000000")));
    }
}
