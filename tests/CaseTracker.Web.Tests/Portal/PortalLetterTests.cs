using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>A letter delivered electronically on a portal case: the applicant is mailed the delivery time and downloads it from /track.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalLetterTests(PortalFixture host)
{
    [Fact]
    public async Task An_electronically_delivered_letter_is_mailed_with_its_delivery_time_and_listed_for_download()
    {
        var tag = PortalHelpers.Tag();
        using var client = host.Anonymous();
        var code = await client.SubmitAsync(PortalHelpers.Application(tag));
        using var staff = host.Forms();
        await staff.SignInAsync("cw-edu", Password);
        var today = PortalHelpers.Today.Iso();
        var confirmed = await staff.SubmitAsync($"/intake/{code}", $"/intake/{code}/confirm", new() { ["caseNumber"] = ApiHelpers.NewNumber("LET"), ["receivedOn"] = today });
        var caseId = Guid.Parse(confirmed.Headers.Location!.OriginalString.Split('?')[0]["/cases/".Length..]);

        var api = host.Api("cw-edu");
        var issued = await api.PostAsJsonAsync($"/api/cases/{caseId}/letters", new { kind = "receipt" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var letters = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/letters");
        var letterId = letters.EnumerateArray().First(l => l.GetProperty("letterId").ValueKind == JsonValueKind.String).GetProperty("letterId").GetString()!;
        var delivered = await api.PostAsJsonAsync($"/api/cases/{caseId}/letters/delivery",
            new { letterId, method = "Electronic", detail = "门户网站", on = today, at = $"{today} 09:30" });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn") && m.Subject.Contains("已送达", StringComparison.Ordinal)));
        Assert.Contains($"送达时间：{today} 09:30（北京时间）", mail.Text, StringComparison.Ordinal);

        var status = await client.LookupAsync(code, "4321");
        var letter = Assert.Single(status.GetProperty("letters").EnumerateArray());
        Assert.Equal(letterId, letter.GetProperty("letterId").GetString());
        var download = await client.GetAsync(letter.GetProperty("download").GetString() + "?phone4=4321");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(letter.GetProperty("download").GetString() + "?phone4=4322")).StatusCode);

        await Task.Delay(1500);
        Assert.Single(host.Smtp.Received, m => m.To.Contains($"zhang.{tag}@example.cn") && m.Subject.Contains("已送达", StringComparison.Ordinal));
    }
}
