using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseTracker.Agencies;
using CaseTracker.Letters;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests.Letters;

/// <summary>文号 per agency and year: no gap and no duplicate under concurrent issuers; a reprint is the letter issued (issue 10, item 3).</summary>
[Collection(HostCollection.Name)]
public class LetterNumberingTests(HostFixture host)
{
    [Fact]
    public async Task Twenty_concurrent_issuers_in_one_agency_get_the_numbers_1_to_20_each_once()
    {
        const int issuers = 20;
        var agency = await NewAgencyAsync("测试区编号试验局");
        using var api = host.Api("admin");
        var cases = new List<Guid>();
        for (var i = 0; i < issuers; i++)
        {
            cases.Add((await api.ReceiveAsync(agency)).Id);
        }

        var responses = await Task.WhenAll(cases.Select(id => api.PostAsJsonAsync($"/api/cases/{id}/letters", new { kind = "receipt" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        }

        var year = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var expected = Enumerable.Range(1, issuers).Select(n => $"编号试验〔{year}〕{n}号").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), numbers.Order(StringComparer.Ordinal));
        foreach (var (id, number) in cases.Zip(numbers))
        {
            var letters = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/letters");
            Assert.Equal(number, letters.EnumerateArray().Single(l => l.Str("kind") == "receipt").Str("number"));
        }
    }

    [Fact]
    public async Task Issuing_again_is_refused_and_the_reprint_keeps_the_number_and_the_stored_hash()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        var issued = await (await api.PostAsJsonAsync($"/api/cases/{id}/letters", new { kind = "receipt" })).Content.ReadFromJsonAsync<JsonElement>();

        var again = await api.PostAsJsonAsync($"/api/cases/{id}/letters", new { kind = "receipt" });
        var docx = await api.GetByteArrayAsync($"/cases/{id}/letters/receipt/docx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("letter.already_issued", (await again.ProblemAsync()).Str("rule"));
        var text = LetterDocx.TextOf(docx);
        Assert.Equal(issued.Str("number"), text.Split('\n')[1]);
        Assert.Equal(issued.Str("contentHash"), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.Contains("张三：", text);
    }

    [Fact]
    public async Task An_auditor_prints_the_letter_without_the_applicants_name()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        await api.PostAsJsonAsync($"/api/cases/{id}/letters", new { kind = "receipt" });
        using var auditor = host.Api("auditor-edu");

        var text = LetterDocx.TextOf(await auditor.GetByteArrayAsync($"/cases/{id}/letters/receipt/docx"));

        Assert.DoesNotContain("张三", text);
        Assert.Contains("申请人：", text);
    }

    [Fact]
    public async Task An_answer_is_not_issued_before_the_agency_has_its_remedy_bodies()
    {
        var agency = await NewAgencyAsync("测试区救济试验局", remedies: false);
        using var api = host.Api("admin");
        var (id, etag) = await api.ReceiveAsync(agency);
        var answered = await api.RecordAsync(id, "answer", new { on = ApiHelpers.Today.Iso(), outcome = "DisclosedProvided" }, etag);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var refused = await api.PostAsJsonAsync($"/api/cases/{id}/letters", new { kind = "answer" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("尚未设置复议机关和管辖法院", (await refused.ProblemAsync()).Str("detail"));
    }

    private async Task<string> NewAgencyAsync(string name, bool remedies = true)
    {
        var unique = name + Guid.NewGuid().ToString("N")[..6];
        await host.Services.GetRequiredService<AgencyDirectory>().SaveAsync(
            [new Agency(unique, District, Letters: remedies ? new LetterSettings("编号试验", "测试区人民政府", "测试区人民法院") : null)], "test", default);
        return unique;
    }
}
