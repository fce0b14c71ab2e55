using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// Intake proposes the next 编号 from the agency's pattern (issue 9 item 4): set by the administrator, returned by the API,
/// prefilled in the intake form, skipping numbers taken; the caseworker may override it and the store still refuses a taken one.
/// Each test numbers an agency of its own, so the other tests' cases do not count.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class NextNumberTests(HostFixture host)
{
    private static string Year => ApiHelpers.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_proposal_is_the_highest_sequence_of_the_year_plus_one_skipping_numbers_taken_and_typed()
    {
        var (agency, code, user) = await NumberedAgencyAsync();
        using var api = host.Api(user);
        Assert.Equal($"{Year}-{code}-0001", await ProposalAsync(api, code));

        (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, $"{Year}-{code}-0001"))).EnsureSuccessStatusCode();
        Assert.Equal($"{Year}-{code}-0002", await ProposalAsync(api, code));

        // The caseworker overrides: a number typed by hand (kept, not a sequence), and one further on (skipped past).
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, "手工-" + code))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, $"{Year}-{code}-0005"))).StatusCode);
        // Another year's number does not count for this year.
        (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, $"{ApiHelpers.Today.Year - 1}-{code}-0009"))).EnsureSuccessStatusCode();

        Assert.Equal($"{Year}-{code}-0006", await ProposalAsync(api, code));
        Assert.Equal($"{Year}-{code}-0006", await ProposalAsync(api, Uri.EscapeDataString(agency))); // by name too
    }

    [Fact]
    public async Task A_proposed_number_already_taken_is_still_refused_by_the_store()
    {
        var (agency, code, user) = await NumberedAgencyAsync();
        using var api = host.Api(user);
        var proposal = await ProposalAsync(api, code);

        var first = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, proposal));
        var second = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, proposal));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("case.number_taken", (await second.ProblemAsync()).Str("rule"));
    }

    [Fact]
    public async Task The_intake_form_is_prefilled_with_the_proposal()
    {
        var (agency, code, user) = await NumberedAgencyAsync();
        using var browser = host.Forms();
        await browser.SignInAsync(user, Password);

        var page = await browser.GetPageAsync("/cases/new");

        Assert.Contains($"name=\"caseNumber\" value=\"{Year}-{code}-0001\"", page);
        Assert.Contains($"data-agency=\"{agency}\" data-number=\"{Year}-{code}-0001\"", page);
    }

    [Fact]
    public async Task The_administrator_sets_the_pattern_on_the_admin_page_and_a_bad_one_is_refused_naming_the_field()
    {
        var (agency, code, _) = await NumberedAgencyAsync(pattern: null);
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);

        var bad = await browser.SubmitAsync("/admin", "/admin/agencies/numbering", new() { ["name"] = agency, ["code"] = code, ["pattern"] = "{年}-{月}-{序号}" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("占位符{月}不认识", await bad.Content.ReadAsStringAsync());
        Assert.Null((await Directory.FindAsync(agency, default))!.NumberPattern);

        var good = await browser.SubmitAsync("/admin", "/admin/agencies/numbering", new() { ["name"] = agency, ["code"] = code, ["pattern"] = "{机关代码}〔{年}〕{序号:3}号" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("{机关代码}〔{年}〕{序号:3}号", (await Directory.FindAsync(agency, default))!.NumberPattern);
        using var admin = host.Api("admin");
        Assert.Equal($"{code}〔{Year}〕001号", await ProposalAsync(admin, code));
        // Saving the hierarchy again keeps the numbering.
        await Directory.SaveAsync([new Agency(agency, District)], "test", default);
        Assert.Equal(code, (await Directory.FindAsync(agency, default))!.Code);
    }

    [Fact]
    public async Task An_unknown_agency_is_404_and_another_agencys_caseworker_is_403_in_Chinese()
    {
        var (_, code, _) = await NumberedAgencyAsync();
        using var other = host.Api("cw-health");

        var unknown = await other.GetAsync("/api/agencies/NO-SUCH-CODE/next-number");
        var forbidden = await other.GetAsync($"/api/agencies/{code}/next-number");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("机关“NO-SUCH-CODE”未登记", (await unknown.ProblemAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private AgencyDirectory Directory => host.Services.GetRequiredService<AgencyDirectory>();

    private async Task<(string Agency, string Code, string User)> NumberedAgencyAsync(string? pattern = "{年}-{机关代码}-{序号:4}")
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var agency = $"测试区编号局{suffix}";
        var code = $"BH{suffix}";
        await Directory.SaveAsync([new Agency(agency, District)], "test", default);
        if (pattern is not null)
        {
            await Directory.SetNumberingAsync(agency, code, pattern, "test", default);
        }

        var user = $"cw-{suffix.ToLowerInvariant()}";
        await host.Services.GetRequiredService<UserDirectory>().CreateAsync(user, Role.Caseworker, agency, Password, "test", default);
        return (agency, code, user);
    }

    private static async Task<string?> ProposalAsync(HttpClient api, string agency)
    {
        var response = await api.GetAsync($"/api/agencies/{agency}/next-number");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("number");
    }
}
