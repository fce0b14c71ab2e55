using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// Issue 13 through the real host: the 按件 fee counted from the applicant's other requests (keyed hash of the ID number),
/// the link a 重复申请 needs, the waiver, and the third party's objection overruled for the public interest.
/// </summary>
[Collection(HostCollection.Name)]
public class StatuteApiTests(HostFixture host)
{
    /// <summary>A 居民身份证 number nobody else in the test host uses (valid check digit, GB 11643), so the month's count is this test's own.</summary>
    private static string NewIdNumber()
    {
        var body = "11010119" + Random.Shared.Next(50, 99).ToString(CultureInfo.InvariantCulture) + "0101" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static async Task<(Guid Id, string ETag)> ReceiveAsync(HttpClient api, string number, string idNumber, string name = "王五", DateOnly? on = null)
    {
        var intake = ApiHelpers.Intake(Education, number, on);
        intake["idNumber"] = idNumber;
        intake["name"] = name;
        var response = await api.PostAsJsonAsync("/api/cases", intake);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid(), response.Headers.ETag!.Tag);
    }

    private static async Task<JsonElement> LastMilestoneAsync(HttpClient api, Guid id) =>
        (await api.GetCaseAsync(id)).GetProperty("milestones").EnumerateArray().Last();

    private static async Task<string> ETagAsync(HttpClient api, Guid id)
    {
        var response = await api.GetAsync($"/api/cases/{id}");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    [Fact]
    public async Task A_per_item_fee_is_counted_from_the_applicants_requests_to_the_agency_in_the_month_and_an_amount_that_disagrees_is_refused()
    {
        using var api = host.Api("cw-edu");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var applicant = NewIdNumber();
        var today = ApiHelpers.Today;
        var cases = new List<(Guid Id, string ETag)>();
        for (var i = 1; i <= 12; i++)
        {
            // One day, numbered in order: the n-th number is the applicant's n-th request of the month.
            cases.Add(await ReceiveAsync(api, $"F{tag}-{i:00}", applicant));
        }

        var other = await ReceiveAsync(api, $"F{tag}-99", NewIdNumber());
        var notice = new { on = today.Iso(), method = "按件", applicantReceivedOn = today.Iso() };

        // The 10th of the month is free (1–10), so no notice can be issued.
        var tenth = await api.RecordAsync(cases[9].Id, "issue-fee-notice", notice, cases[9].ETag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tenth.StatusCode);
        Assert.Equal("fee.free", (await tenth.ProblemAsync()).Str("rule"));

        // The 12th: 11–30 cost 100 元 each. An entered 50 元 disagrees with the computation and is refused.
        var wrong = await api.RecordAsync(cases[11].Id, "issue-fee-notice", new { on = today.Iso(), method = "按件", amount = 50m, applicantReceivedOn = today.Iso() }, cases[11].ETag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("fee.amount_mismatch", (await wrong.ProblemAsync()).Str("rule"));

        // Without an amount, the notice states the computation's: 100 元.
        var eleventh = await api.RecordAsync(cases[10].Id, "issue-fee-notice", notice, cases[10].ETag);
        Assert.Equal(HttpStatusCode.OK, eleventh.StatusCode);
        var fee = await LastMilestoneAsync(api, cases[10].Id);
        Assert.Equal("发出收费通知", fee.Str("title"));
        Assert.Equal($"按件计收：本月向本机关提出的第11件申请，适用第11–30件档，每件100元，计100元。；申请人 {today.Iso()} 收到", fee.Str("detail"));

        // Another applicant's first request of the month is free.
        var others = await api.RecordAsync(other.Id, "issue-fee-notice", notice, other.ETag);
        Assert.Equal("fee.free", (await others.ProblemAsync()).Str("rule"));
    }

    [Fact]
    public async Task A_fee_is_waived_with_its_reason_and_a_waiver_without_a_reason_names_the_field()
    {
        using var api = host.Api("cw-edu");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var applicant = NewIdNumber();
        var today = ApiHelpers.Today;
        (Guid Id, string ETag) last = default;
        for (var i = 1; i <= 11; i++)
        {
            last = await ReceiveAsync(api, $"W{tag}-{i:00}", applicant);
        }

        var issued = await api.RecordAsync(last.Id, "issue-fee-notice", new { on = today.Iso(), method = "按件", applicantReceivedOn = today.Iso() }, last.ETag);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);

        var missing = await api.RecordAsync(last.Id, "waive-fee", new { on = today.Iso() }, await ETagAsync(api, last.Id));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("reason", (await missing.ProblemAsync()).Str("field"));

        var waived = await api.RecordAsync(last.Id, "waive-fee", new { on = today.Iso(), reason = "申请人系低保对象" }, await ETagAsync(api, last.Id));
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        var waiver = await LastMilestoneAsync(api, last.Id);
        Assert.Equal(("减免收费", "理由：申请人系低保对象"), (waiver.Str("title"), waiver.Str("detail")));
    }

    [Fact]
    public async Task A_repeated_request_must_link_the_same_applicants_earlier_answered_request()
    {
        using var api = host.Api("cw-edu");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var applicant = NewIdNumber();
        var today = ApiHelpers.Today;
        var earlier = await ReceiveAsync(api, $"R{tag}-1", applicant, on: today.AddDays(-3));
        _ = await ReceiveAsync(api, $"R{tag}-2", applicant, on: today.AddDays(-2));
        var strangers = await ReceiveAsync(api, $"R{tag}-3", NewIdNumber(), "赵六", today.AddDays(-3));
        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(earlier.Id, "answer", new { on = today.AddDays(-1).Iso(), outcome = "DisclosedProvided" }, earlier.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(strangers.Id, "answer", new { on = today.AddDays(-1).Iso(), outcome = "DisclosedProvided" }, strangers.ETag)).StatusCode);
        var repeat = await ReceiveAsync(api, $"R{tag}-4", applicant);

        async Task<JsonElement> RefusedAsync(string? repeatOf)
        {
            var response = await api.RecordAsync(repeat.Id, "answer", new { on = today.Iso(), outcome = "NotProcessedRepeat", repeatOf }, await ETagAsync(api, repeat.Id));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{repeatOf}: {response.StatusCode}");
            return await response.ProblemAsync();
        }

        Assert.Contains("重复申请", (await RefusedAsync(null)).Str("detail"), StringComparison.Ordinal);
        Assert.Contains("本机关没有编号为“不存在-1”的申请", (await RefusedAsync("不存在-1")).Str("detail"), StringComparison.Ordinal);
        Assert.Contains("尚未答复", (await RefusedAsync($"R{tag}-2")).Str("detail"), StringComparison.Ordinal);
        Assert.Contains("不是同一申请人提出的", (await RefusedAsync($"R{tag}-3")).Str("detail"), StringComparison.Ordinal);
        Assert.Equal("repeatOf", (await RefusedAsync($"R{tag}-3")).Str("field"));
        Assert.Equal(1, (await api.GetCaseAsync(repeat.Id)).GetProperty("version").GetInt64());

        var linked = await api.RecordAsync(repeat.Id, "answer", new { on = today.Iso(), outcome = "NotProcessedRepeat", repeatOf = $"R{tag}-1" }, await ETagAsync(api, repeat.Id));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal($"不予处理（重复申请）；原申请 R{tag}-1", (await LastMilestoneAsync(api, repeat.Id)).Str("detail"));
    }

    [Fact]
    public async Task A_third_partys_objection_blocks_disclosure_until_the_public_interest_decision_and_its_notice_are_recorded()
    {
        using var api = host.Api("cw-edu");
        var today = ApiHelpers.Today;
        var (id, etag) = await ReceiveAsync(api, ApiHelpers.NewNumber("P"), NewIdNumber(), on: today.AddDays(-2));
        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(id, "start-consultation",
            new { consultationId = "征-1", kind = "ThirdParty", party = "某某建设有限公司", on = today.AddDays(-1).Iso() }, etag)).StatusCode);

        var noReasons = await api.RecordAsync(id, "record-consultation-answer", new { consultationId = "征-1", on = today.Iso(), partyAnswer = "Objects" }, await ETagAsync(api, id));
        Assert.True(noReasons.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, noReasons.StatusCode.ToString());
        Assert.Contains("理由", (await noReasons.ProblemAsync()).Str("detail"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(id, "record-consultation-answer",
            new { consultationId = "征-1", on = today.Iso(), partyAnswer = "Objects", reasons = "涉及商业秘密" }, await ETagAsync(api, id))).StatusCode);

        var disclose = new { on = today.Iso(), outcome = "DisclosedProvided" };
        var blocked = await api.RecordAsync(id, "answer", disclose, await ETagAsync(api, id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Equal("decision.third_party_objected", (await blocked.ProblemAsync()).Str("rule"));

        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(id, "decide-public-interest-disclosure",
            new { consultationId = "征-1", on = today.Iso(), reasons = "涉及公共安全，不公开会对公共利益造成重大影响", thirdPartyNotifiedOn = today.Iso() },
            await ETagAsync(api, id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(id, "answer", disclose, await ETagAsync(api, id))).StatusCode);
        var milestones = (await api.GetCaseAsync(id)).GetProperty("milestones").EnumerateArray().Select(m => (m.Str("title"), m.Str("detail"))).ToList();
        Assert.Contains(("收到征求意见答复", "征-1：不同意公开（理由：涉及商业秘密）"), milestones);
        Assert.Contains(("以公共利益为由决定公开", $"征-1：理由：涉及公共安全，不公开会对公共利益造成重大影响；{today.Iso()} 书面告知第三方"), milestones);
    }
}

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresStatuteApiTests(Postgres.PostgresHostFixture host) : StatuteApiTests(host);
