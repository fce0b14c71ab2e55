using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Reports;
using CaseTracker.Users;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

[Collection(HostCollection.Name)]
public sealed class Section2Tests(HostFixture host)
{
    private const int Year = 2025;

    [Fact]
    public async Task Entered_section_two_figures_appear_in_the_report_of_the_agency_and_of_the_area()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);
        var page = $"/admin/section2?agency={Uri.EscapeDataString(HealthCommission)}&year={Year}";
        Assert.Contains("第二十条第（一）项", await browser.GetPageAsync(page));
        var saved = await browser.SubmitAsync(page, "/admin/section2", new() { ["agency"] = HealthCommission, ["year"] = $"{Year}", ["c0_0_0"] = "7" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("已保存", await saved.Content.ReadAsStringAsync());

        using var api = host.Api("sup-district");
        var own = await api.GetFromJsonAsync<JsonElement>($"/api/reports/{Year}?agency={Uri.EscapeDataString(HealthCommission)}");
        Assert.Equal(7m, FirstCell(own));
        var area = await api.GetFromJsonAsync<JsonElement>($"/api/reports/{Year}?agency={Uri.EscapeDataString(District)}&subordinates=true");
        Assert.Equal(7m, FirstCell(area));
    }

    [Theory]
    [InlineData("-3", "不能为负数")]
    [InlineData("abc", "不是数字")]
    [InlineData("1.5", "应填写整数")]
    public async Task A_bad_figure_is_refused_naming_the_cell_and_nothing_is_saved(string value, string message)
    {
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);
        var page = $"/admin/section2?agency={Uri.EscapeDataString(School)}&year={Year}";
        var response = await browser.SubmitAsync(page, "/admin/section2", new() { ["agency"] = School, ["year"] = $"{Year}", ["c0_0_1"] = value });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("规章", html);
        Assert.Null(await host.Services.GetRequiredService<Section2Figures>().FindAsync(School, Year, default));
    }

    private static decimal FirstCell(JsonElement report)
    {
        Assert.True(report.TryGetProperty("section2", out var section2), report.GetRawText());
        var first = section2.EnumerateObject().First();
        Assert.Equal("第二十条第（一）项", first.Name);
        return first.Value.GetProperty("rows").EnumerateObject().First().Value[0].GetDecimal();
    }
}
