using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Calendar;
using CaseTracker.EventStore.Documents;
using CaseTracker.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// Deadlines stored in the case list follow a holiday notice without <c>projections rebuild</c> (issue 9 item 6). A host of
/// its own: the notice changes 2027, which the shared host's calendar tests depend on.
/// </summary>
public sealed class DeadlineRefreshTests : IAsyncLifetime
{
    private static readonly DateOnly Received = new(2026, 11, 23);
    private readonly HostFixture _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Loading_a_notice_that_makes_a_day_a_holiday_moves_the_stored_deadline_of_an_open_case()
    {
        using var api = _host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education, Received);
        (await api.RecordAsync(id, "extend", new { on = Received.Iso(), approver = "公开办主任", reason = "需调取档案", applicantToldOn = Received.Iso() }, etag))
            .EnsureSuccessStatusCode();
        var number = (await api.GetCaseAsync(id)).Str("caseNumber")!;
        // Received Monday 2026-11-23, 40 working days: 11-24..12-31 are 28; with no 2027 notice every weekday counts:
        // 01-01 (29), 01-04..01-08 (34), 01-11..01-15 (39), 01-18 (40).
        Assert.Equal("2027-01-18", await StoredDeadlineAsync(api, number, "2027-01-18"));

        using var browser = _host.Forms();
        await browser.SignInAsync("admin", _host.AdminPassword);
        var load = await browser.SubmitAsync("/admin", "/admin/calendar", new()
        {
            ["csv"] = "date,kind,notice\n2027-01-01,holiday,测试用2027年通知\n2027,complete,测试用2027年通知\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, load.StatusCode);

        // 2027-01-01 is now a holiday: 01-04..01-08 (33), 01-11..01-15 (38), 01-18 (39), 01-19 (40).
        Assert.Equal("2027-01-19", await StoredDeadlineAsync(api, number, "2027-01-19"));
    }

    [Fact]
    public async Task At_start_up_a_calendar_other_than_the_one_the_deadlines_were_computed_with_refreshes_them_once()
    {
        using var api = _host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education, Received);
        (await api.RecordAsync(id, "extend", new { on = Received.Iso(), approver = "公开办主任", reason = "需调取档案", applicantToldOn = Received.Iso() }, etag))
            .EnsureSuccessStatusCode();
        var number = (await api.GetCaseAsync(id)).Str("caseNumber")!;
        Assert.Equal("2027-01-18", await StoredDeadlineAsync(api, number, "2027-01-18"));
        var readModels = _host.Services.GetRequiredService<ReadModelSet>();
        var documents = _host.Services.GetRequiredService<DocumentStore>();
        Assert.Equal(0, await readModels.RefreshIfClockChangedAsync(documents, default)); // start-up recorded this calendar

        // The notice reaches the policy without the refresh (as when it was loaded by an older version or another process).
        await _host.Services.GetRequiredService<PolicySource>().LoadNoticeAsync(
            "date,kind,notice\n2027-01-01,holiday,测试用2027年通知\n2027,complete,测试用2027年通知\n", "test", _host.Services.GetRequiredService<TimeProvider>(), default);
        Assert.Equal("2027-01-18", await StoredDeadlineAsync(api, number, "2027-01-18"));

        Assert.Equal(1, await readModels.RefreshIfClockChangedAsync(documents, default));
        Assert.Equal("2027-01-19", await StoredDeadlineAsync(api, number, "2027-01-19"));
        Assert.Equal(0, await readModels.RefreshIfClockChangedAsync(documents, default));
    }

    /// <summary>The deadline the case list (the read model) has stored, once it shows the one expected or after a short wait.</summary>
    private static async Task<string?> StoredDeadlineAsync(HttpClient api, string number, string expected)
    {
        string? deadline = null;
        for (var i = 0; i < 50 && deadline != expected; i++)
        {
            var rows = await api.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(number)}");
            deadline = rows.GetProperty("items").EnumerateArray().Select(r => r.Str("deadline")).FirstOrDefault();
            if (deadline != expected)
            {
                await Task.Delay(50);
            }
        }

        return deadline;
    }
}
