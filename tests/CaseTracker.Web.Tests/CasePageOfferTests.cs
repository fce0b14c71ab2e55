using System.Text.RegularExpressions;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// The case page offers the forms of the milestones the case accepts now (issue 9 item 5), numbers the timeline as the
/// correction form does, and flags a milestone recorded after the deadline.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class CasePageOfferTests(HostFixture host)
{
    [Fact]
    public async Task A_fresh_case_offers_what_it_accepts_and_no_supplement_receipt_lapse_appeal_or_outcome_correction()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");

        // Received today: the period runs, nothing is pending, no reasons were asked, no decision exists.
        string[] offered = ["request-supplement", "start-consultation", "extend", "issue-fee-notice", "request-reasons", "answer", "withdraw", "correct-date", "correct-applicant-type"];
        Assert.Equal(offered, Forms(page, id));
        Assert.Contains("张三", page);
        Assert.Contains("剩余工作日", page);
    }

    [Fact]
    public async Task A_supplement_notice_brings_the_supplement_receipt_form_and_takes_the_notice_and_answer_forms_away()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        (await api.RecordAsync(id, "request-supplement", new { on = ApiHelpers.Today.Iso(), items = "写明年份", respondBy = ApiHelpers.Today.AddDays(15).Iso() }, etag))
            .EnsureSuccessStatusCode();
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);

        var forms = Forms(await browser.GetPageAsync($"/cases/{id}"), id);

        Assert.Contains("record-supplement", forms);
        Assert.DoesNotContain("lapse-supplement", forms);   // the 补正期限 has not run
        Assert.DoesNotContain("request-supplement", forms); // one notice per request
        Assert.DoesNotContain("answer", forms);             // no decision while the supplement is awaited
    }

    [Fact]
    public async Task A_decided_case_offers_only_appeals_and_corrections()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        (await api.RecordAsync(id, "answer", new { on = ApiHelpers.Today.Iso(), outcome = "DisclosedProvided" }, etag)).EnsureSuccessStatusCode();
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);

        Assert.Equal(["file-reconsideration", "file-lawsuit", "correct-date", "correct-outcome", "correct-applicant-type"], Forms(await browser.GetPageAsync($"/cases/{id}"), id));
    }

    [Fact]
    public async Task The_timeline_numbers_each_milestone_as_the_correction_form_does()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        (await api.RecordAsync(id, "request-reasons", new { on = ApiHelpers.Today.Iso() }, etag)).EnsureSuccessStatusCode();
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");

        var timeline = TimelineRow().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("0", "收到申请"), ("1", "要求说明理由")], timeline);
        var correction = page[page.IndexOf("id=\"form-correct-date-milestone\"", StringComparison.Ordinal)..];
        Assert.Contains($"<option value=\"0\">#0 收到申请（{ApiHelpers.Today.Iso()}）</option>", correction);
        Assert.Contains($"<option value=\"1\">#1 要求说明理由（{ApiHelpers.Today.Iso()}）</option>", correction);
    }

    [Fact]
    public async Task A_milestone_recorded_after_the_deadline_is_flagged_late_on_the_timeline()
    {
        using var api = host.Api("cw-edu");
        // Received 90 days ago: 20 working days have run out whatever the holidays (at most 8 days off in any 90).
        var (id, etag) = await api.ReceiveAsync(Education, ApiHelpers.Today.AddDays(-90));
        (await api.RecordAsync(id, "start-consultation", new { kind = "ThirdParty", party = "某公司", on = ApiHelpers.Today.Iso() }, etag)).EnsureSuccessStatusCode();
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");

        var rows = TimelineRow().Matches(page).ToList();
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain("期限届满后登记", rows[0].Value);
        Assert.Contains("<span class=\"tag\">期限届满后登记，不影响期限</span>", rows[1].Value);

        // The API says the same: the number correct-date takes, and the late flag.
        var milestones = (await api.GetCaseAsync(id)).GetProperty("milestones");
        Assert.Equal([(0L, false), (1L, true)], milestones.EnumerateArray().Select(m => (m.GetProperty("number").GetInt64(), m.GetProperty("late").GetBoolean())));
    }

    private static List<string> Forms(string page, Guid id) =>
        Regex.Matches(page, $"action=\"/cases/{id}/milestones/([a-z-]+)\"").Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr><td>(\\d+)</td><td>[0-9-]+</td><td>([^<]+)</td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TimelineRow();
}
