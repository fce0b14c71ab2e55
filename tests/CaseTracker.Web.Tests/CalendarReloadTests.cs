using System.Net;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// A host of its own: loading a notice for 2027 changes every 2027 deadline, which other tests of the shared host read as
/// provisional.
/// </summary>
public sealed class CalendarReloadTests : IAsyncLifetime
{
    private static readonly DateOnly Received = new(2026, 11, 23);
    private readonly HostFixture _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_notice_loaded_by_the_administrator_takes_effect_without_a_restart()
    {
        using var api = _host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education, Received);
        var extended = await api.RecordAsync(id, "extend", new { on = Received.Iso(), approver = "公开办主任", reason = "需调取档案", applicantToldOn = Received.Iso() }, etag);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var before = (await api.GetCaseAsync(id)).GetProperty("clock");
        Assert.True(before.GetProperty("provisional").GetBoolean(), "a deadline in 2027 is provisional while 2027 has no data");

        using var browser = _host.Forms();
        await browser.SignInAsync("admin", _host.AdminPassword);
        var load = await browser.SubmitAsync("/admin", "/admin/calendar", new()
        {
            ["csv"] = "date,kind,notice\n2027-01-01,holiday,国务院办公厅关于2027年部分节假日安排的通知\n2027,complete,国务院办公厅关于2027年部分节假日安排的通知\n",
        });
        Assert.True(load.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"loading the notice answered {load.StatusCode}");

        var after = (await api.GetCaseAsync(id)).GetProperty("clock");
        Assert.False(after.GetProperty("provisional").GetBoolean());
        // Received Monday 2026-11-23, 20 + 20 working days: day 1 is 11-24; 11-24..12-31 are 28 working days (no holiday);
        // 2027-01-01 is a holiday under the notice; 01-04..01-08 (33), 01-11..01-15 (38), 01-18 (39), day 40 is 2027-01-19.
        Assert.Equal("2027-01-19", after.GetProperty("deadline").GetString());
    }
}
