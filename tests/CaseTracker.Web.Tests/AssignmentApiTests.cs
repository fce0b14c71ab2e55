using System.Net;
using System.Text.Json;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>承办人 over the API: who may be named, who may change it, and the history of each change.</summary>
[Collection(HostCollection.Name)]
public sealed class AssignmentApiTests(HostFixture host)
{
    private async Task<string> CaseworkerAsync(string agency, bool disabled = false)
    {
        var name = $"cw-{Guid.NewGuid().ToString("N")[..8]}";
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.CreateAsync(name, Role.Caseworker, agency, Password, "test", default);
        if (disabled)
        {
            await users.SetDisabledAsync(name, true, "test", default);
        }

        return name;
    }

    private static async Task<HttpResponseMessage> AssignAsync(HttpClient api, Guid id, string assignee) =>
        await api.SendAsync(ApiHelpers.Post($"/api/cases/{id}/assignee", JsonSerializer.Serialize(new { assignee })));

    [Fact]
    public async Task A_caseworker_names_the_first_assignee_only_a_supervisor_changes_it_and_each_change_is_in_the_history()
    {
        using var caseworker = host.Api("cw-edu");
        using var supervisor = host.Api("sup-district");
        var (id, _) = await caseworker.ReceiveAsync(Education);
        var first = await CaseworkerAsync(Education);
        var second = await CaseworkerAsync(Education);

        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(caseworker, id, first)).StatusCode);
        var refused = await AssignAsync(caseworker, id, second);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"本案的承办人已是 {first}", (await refused.ProblemAsync()).Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(supervisor, id, second)).StatusCode);

        var history = (await caseworker.GetCaseAsync(id)).GetProperty("milestones").EnumerateArray()
            .Where(m => m.Str("title") == "指定承办人").Select(m => (m.Str("detail"), m.Str("actor"))).ToList();
        Assert.Equal([($"承办人 {first}", "cw-edu"), ($"承办人 {second}", "sup-district")], history);
    }

    [Fact]
    public async Task An_assignee_of_another_agency_or_a_disabled_account_is_refused_naming_the_field_and_nothing_is_written()
    {
        using var caseworker = host.Api("cw-edu");
        var (id, _) = await caseworker.ReceiveAsync(Education);
        var version = (await caseworker.GetCaseAsync(id)).GetProperty("version").GetInt64();
        var elsewhere = await CaseworkerAsync(HealthCommission);
        var disabled = await CaseworkerAsync(Education, disabled: true);

        foreach (var (name, says) in new[] { (elsewhere, $"“{elsewhere}”不是“{Education}”的经办人"), (disabled, $"“{disabled}”的账号已停用") })
        {
            var response = await AssignAsync(caseworker, id, name);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal("assignee", problem.Str("field"));
            Assert.Contains(says, problem.Str("detail"), StringComparison.Ordinal);
        }

        Assert.Equal(version, (await caseworker.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_disabled_caseworker_is_not_offered_as_an_assignee()
    {
        var active = await CaseworkerAsync(Education);
        var disabled = await CaseworkerAsync(Education, disabled: true);

        var offered = await host.Services.GetRequiredService<Assignment.Assignees>().OfAgencyAsync(Education, default);

        Assert.Contains(active, offered);
        Assert.DoesNotContain(disabled, offered);
    }
}
