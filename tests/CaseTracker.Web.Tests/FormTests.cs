using System.Net;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using CaseTracker.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>The HTML forms: sign-in and lockout, antiforgery, intake and milestone refusals shown in Chinese, nothing half-written.</summary>
[Collection(HostCollection.Name)]
public sealed class FormTests(HostFixture host)
{
    [Fact]
    public async Task Signing_in_with_the_right_password_sets_the_cookie_protected_by_keys_kept_in_the_store()
    {
        using var browser = host.Forms();
        var response = await browser.SignInAsync("cw-edu", Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetPageAsync("/cases");
        Assert.Contains("登记新申请", page);
        Assert.Contains("cw-edu", page);
        var keys = await host.Services.GetRequiredService<CaseTracker.EventStore.Documents.DocumentStore>().ListAsync<string>(DocumentKeyRepository.Collection);
        Assert.Contains(keys, k => k.Value.StartsWith("<key ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_nothing_is_written()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var number = ApiHelpers.NewNumber("AF");
        var response = await browser.PostAsync("/cases", null, IntakeFields(number));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪校验未通过", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain($">{number}</a>", await browser.GetPageAsync("/cases?q=" + number));
    }

    [Fact]
    public async Task An_intake_with_a_bad_date_is_shown_again_with_the_message_and_the_entered_values()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var number = ApiHelpers.NewNumber("BAD");
        var fields = IntakeFields(number);
        fields["on"] = "2026-13-01";
        var response = await browser.SubmitAsync("/cases/new", "/cases", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("收到申请日期：“2026-13-01”不是有效日期", page);
        Assert.Contains($"value=\"{number}\"", page);
        Assert.DoesNotContain($">{number}</a>", await browser.GetPageAsync("/cases?q=" + number));
    }

    [Fact]
    public async Task The_intake_form_shows_the_receipt_date_rule_of_each_channel()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync("/cases/new");
        Assert.Contains("以邮寄方式提交的，以行政机关签收之日为收到申请之日", page);
        Assert.Contains("name=\"idNumber\"", page);
    }

    [Fact]
    public async Task A_form_with_a_stale_version_gets_a_conflict_message_and_the_later_change_is_not_written()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var page = await browser.GetPageAsync($"/cases/{id}");
        var version = FormClient.Version(page, "request-reasons");
        Assert.Equal("1", version);
        (await api.RecordAsync(id, "request-supplement", new { on = ApiHelpers.Today.Iso(), items = "写明年份", respondBy = ApiHelpers.Today.AddDays(15).Iso() }, etag)).EnsureSuccessStatusCode();

        var response = await browser.PostAsync($"/cases/{id}/milestones/request-reasons", FormClient.Token(page),
            new() { ["version"] = version, ["on"] = ApiHelpers.Today.Iso() });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("案件已被他人更新", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_milestone_the_regulations_refuse_is_shown_on_the_case_page_with_the_reason()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        var page = await browser.GetPageAsync($"/cases/{id}");
        var response = await browser.PostAsync($"/cases/{id}/milestones/lapse-supplement", FormClient.Token(page),
            new() { ["version"] = "1", ["on"] = ApiHelpers.Today.Iso() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("逾期未补正（视为放弃申请）未登记", html);
        Assert.Contains("条例第三十条", html);
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_auditor_sees_the_case_page_without_personal_data_or_forms()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        using var browser = host.Forms();
        await browser.SignInAsync("auditor-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");
        Assert.Contains("办理过程", page);
        Assert.DoesNotContain("张三", page);
        Assert.DoesNotContain("110101199001011234", page);
        Assert.DoesNotContain("/milestones/", page);
    }

    [Fact]
    public async Task The_administrator_refuses_a_short_password_and_creates_a_user_with_a_good_one()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);
        var name = "new-" + Guid.NewGuid().ToString("N")[..6];
        var bad = await browser.SubmitAsync("/admin", "/admin/users", new() { ["name"] = name, ["role"] = "Caseworker", ["agency"] = Education, ["password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("密码：至少 10 个字符", await bad.Content.ReadAsStringAsync());
        Assert.Null(await host.Services.GetRequiredService<UserDirectory>().FindAsync(name, default));

        var good = await browser.SubmitAsync("/admin", "/admin/users", new() { ["name"] = name, ["role"] = "Caseworker", ["agency"] = Education, ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        using var fresh = host.Forms();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(name, Password)).StatusCode);
    }

    [Fact]
    public async Task The_administrator_is_refused_an_agency_whose_parent_is_not_registered()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);
        var response = await browser.SubmitAsync("/admin", "/admin/agencies", new() { ["name"] = "孤儿局", ["parent"] = "不存在的上级" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("上级机关“不存在的上级”不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_calendar_notice_with_a_bad_line_is_refused_with_the_line()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);
        var response = await browser.SubmitAsync("/admin", "/admin/calendar", new() { ["csv"] = "date,kind,notice\n2027-02-30,holiday,春节\n" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2027-02-30", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_published_report_is_frozen_and_later_shows_what_changed()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("sup-health", Password);
        var year = ApiHelpers.Today.Year;
        var query = $"/reports?year={year}&agency={Uri.EscapeDataString(HealthCommission)}&layout=auto";
        var publish = await browser.SubmitAsync(query, "/reports/publish", new() { ["year"] = $"{year}", ["agency"] = HealthCommission, ["layout"] = "auto" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("重新生成的结果与发布时一致", await browser.GetPageAsync(query));

        using var api = host.Api("cw-health");
        var (id, _) = await api.ReceiveAsync(HealthCommission);
        await Eventually.ReturnsAsync(
            () => browser.GetPageAsync(query), page => page.Contains("与发布时不同", StringComparison.Ordinal), "the report page to see the new case");
        var again = await browser.SubmitAsync(query, "/reports/publish", new() { ["year"] = $"{year}", ["agency"] = HealthCommission, ["layout"] = "auto" });
        Assert.Contains("error=", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Submitting_the_intake_form_twice_registers_one_case()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync("/cases/new");
        var caseId = System.Text.RegularExpressions.Regex.Match(page, "name=\"caseId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var number = ApiHelpers.NewNumber("TWICE");
        var fields = IntakeFields(number);
        fields["caseId"] = caseId;
        var first = await browser.PostAsync("/cases", FormClient.Token(page), new(fields));
        var second = await browser.PostAsync("/cases", FormClient.Token(page), new(fields));
        Assert.Equal($"/cases/{caseId}?done=receive", first.Headers.Location!.OriginalString);
        Assert.Equal($"/cases/{caseId}?done=receive", second.Headers.Location!.OriginalString);
        var list = await browser.GetPageAsync("/cases?q=" + number);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list, $">{number}</a>"));
    }

    [Fact]
    public async Task An_administrator_resets_a_locked_account_and_it_signs_in_again()
    {
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.CreateAsync("locked-out", Role.Caseworker, Education, Password, "test", default);
        using (var attacker = host.Forms())
        {
            for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            {
                await attacker.SignInAsync("locked-out", "guess-" + i);
            }
        }

        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);
        var reset = await admin.SubmitAsync("/admin", "/admin/users/password", new() { ["name"] = "locked-out", ["password"] = "a-brand-new-password" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var user = host.Forms();
        Assert.Equal(HttpStatusCode.Redirect, (await user.SignInAsync("locked-out", "a-brand-new-password")).StatusCode);
        using var old = host.Forms();
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.SignInAsync("locked-out", Password)).StatusCode);
    }

    [Fact]
    public async Task Markup_typed_into_a_form_or_the_address_comes_back_as_text_on_every_page_that_shows_it()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var number = ApiHelpers.NewNumber("XSS");
        var fields = IntakeFields(number);
        fields["name"] = "<script>alert(1)</script>";
        fields["description"] = "<b onclick=\"x()\">图</b> & 'y'";
        var created = await browser.SubmitAsync("/cases/new", "/cases", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var page = await browser.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>", page);
        Assert.Contains("<dd>&lt;b onclick=&quot;x()&quot;&gt;图&lt;/b&gt; &amp; &#x27;y&#x27;</dd>", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.DoesNotContain("<b onclick", page);

        var list = await browser.GetPageAsync("/cases?q=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E");
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"", list);
        Assert.DoesNotContain("<script>alert(2)", list);
    }

    private static Dictionary<string, string> IntakeFields(string number) => new()
    {
        ["caseNumber"] = number,
        ["agency"] = Education,
        ["on"] = ApiHelpers.Today.Iso(),
        ["channel"] = "Post",
        ["applicantType"] = "NaturalPerson",
        ["name"] = "王五",
        ["description"] = "城市规划图",
        ["requestedForm"] = "纸质",
    };
}
