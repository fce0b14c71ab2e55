using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>编号 unique per agency through the API, the form and the ledger, enforced by the store (issue 9, item 4).</summary>
[Collection(HostCollection.Name)]
public class CaseNumberTests(HostFixture host)
{
    [Fact]
    public async Task A_second_intake_with_the_number_in_the_same_agency_is_refused_in_Chinese_and_registers_nothing()
    {
        using var api = host.Api("cw-edu");
        var number = ApiHelpers.NewNumber("DUP");
        var first = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, number));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();

        var second = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, "  " + number + " "));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ProblemAsync();
        Assert.Equal("case.number_taken", problem.Str("rule"));
        Assert.Equal($"编号“{number}”在本机关（{Education}）已登记（案件 {firstId}），不能重复登记：同一机关的编号必须唯一。", problem.Str("detail"));
        Assert.Equal([firstId], await CasesNumberedAsync(Education, number));
    }

    [Fact]
    public async Task The_same_number_in_another_agency_is_another_case()
    {
        using var education = host.Api("cw-edu");
        using var health = host.Api("cw-health");
        var number = ApiHelpers.NewNumber("TWO");

        var first = await education.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, number));
        var second = await health.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(HealthCommission, number));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Single(await CasesNumberedAsync(Education, number));
        Assert.Single(await CasesNumberedAsync(HealthCommission, number));
    }

    [Fact]
    public async Task A_concurrent_double_submit_through_the_API_registers_one_case()
    {
        const int submits = 6;
        using var api = host.Api("cw-edu");
        var number = ApiHelpers.NewNumber("RACE");

        var responses = await Task.WhenAll(Enumerable.Range(0, submits).Select(_ => api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, number))));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        Assert.All(responses.Where(r => r != created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var refused in responses.Where(r => r != created))
        {
            Assert.Equal("case.number_taken", (await refused.ProblemAsync()).Str("rule"));
        }

        Assert.Equal([id], await CasesNumberedAsync(Education, number));
    }

    [Fact]
    public async Task The_intake_form_with_a_number_taken_shows_the_refusal_with_the_values_entered()
    {
        using var api = host.Api("cw-edu");
        var number = ApiHelpers.NewNumber("FORM");
        var first = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, number));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);

        var response = await browser.SubmitAsync("/cases/new", "/cases", new()
        {
            ["caseNumber"] = number,
            ["agency"] = Education,
            ["on"] = ApiHelpers.Today.Iso(),
            ["channel"] = "Post",
            ["applicantType"] = "NaturalPerson",
            ["name"] = "王五",
            ["description"] = "城市规划图",
            ["requestedForm"] = "纸质",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"编号“{number}”在本机关（{Education}）已登记（案件 {firstId}），不能重复登记", page);
        Assert.Contains($"value=\"{number}\"", page);
        Assert.Equal([firstId], await CasesNumberedAsync(Education, number));
    }

    [Fact]
    public async Task A_number_imported_from_a_ledger_is_taken_for_the_API_and_one_registered_on_the_API_refuses_the_ledger_row()
    {
        using var api = host.Api("cw-edu");
        var (imported, registered) = (ApiHelpers.NewNumber("LEDGER"), ApiHelpers.NewNumber("LIVE"));
        var on = ApiHelpers.Today.Iso();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, registered))).StatusCode);
        var registeredId = Assert.Single(await CasesNumberedAsync(Education, registered));
        var first = await ImportAsync($"编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形\n{imported},{Education},{on},自然人,当面,,,\n");

        var refusedRow = await ImportAsync($"编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形\n{ApiHelpers.NewNumber("OK")},{Education},{on},自然人,当面,,,\n{registered},{Education},{on},自然人,当面,,,\n");
        var refusedApi = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, imported));

        Assert.Equal((1, 0), (first.CasesCreated, first.Problems.Count));
        Assert.Equal(0, refusedRow.CasesCreated);
        var problem = Assert.Single(refusedRow.Problems);
        Assert.Equal($"第3行「编号」：编号“{registered}”在本机关（{Education}）已登记（案件 {registeredId}），不能重复登记：同一机关的编号必须唯一。", problem.ToString());
        Assert.Equal([registeredId], await CasesNumberedAsync(Education, registered));
        Assert.Equal(HttpStatusCode.Conflict, refusedApi.StatusCode);
        Assert.Equal("case.number_taken", (await refusedApi.ProblemAsync()).Str("rule"));
        Assert.Equal([LedgerIds.CaseId(Education, imported)], await CasesNumberedAsync(Education, imported));
    }

    private async Task<LedgerImportResult> ImportAsync(string csv)
    {
        var plan = LedgerImporter.Plan(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new LedgerImportOptions { FileName = "台账.csv" });
        Assert.True(plan.IsValid, string.Join("；", plan.Errors));
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseTracker.Ledger.LedgerImport>().WriteAsync(plan, "台账.csv", "test", null, default);
    }

    /// <summary>The cases the store has with this 编号 in this agency, from the log itself (not a read model).</summary>
    private async Task<List<Guid>> CasesNumberedAsync(string agency, string number)
    {
        // On PostgreSQL the log shows an event once no older transaction is still running (a projection's, say): wait
        // until it shows every event committed so far, so that a second case, had one been written, is seen.
        var store = host.Services.GetRequiredService<SqlEventStore>();
        await store.LogShowsEverythingAsync();
        var log = await store.ReadAllAsync(LogPosition.Start, int.MaxValue);
        return log.Select(e => e.Event).OfType<CaseEvent.Received>().Where(r => r.Agency == agency && r.CaseNumber == number).Select(r => r.CaseId).ToList();
    }
}
