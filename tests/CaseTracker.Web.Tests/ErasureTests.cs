using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>删除个人信息 on the administrators' page (/admin/erasure) and what the case's pages and the search show afterwards.</summary>
[Collection(HostCollection.Name)]
public sealed class ErasureTests(HostFixture host)
{
    [Fact]
    public async Task An_administrator_erases_a_case_and_the_case_page_print_view_API_and_search_show_it_erased()
    {
        using var worker = host.Api("cw-edu");
        var (id, number, idNumber) = await ReceiveAsync(worker, Education);
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);
        Assert.Contains("保存期限规则", await admin.GetPageAsync("/admin/erasure"));

        var unconfirmed = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/case",
            new() { ["agency"] = Education, ["number"] = number, ["reason"] = "申请人要求删除" });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("confirm（确认）：删除个人信息不可恢复", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal("李想", (await worker.GetCaseAsync(id)).GetProperty("applicant").Str("name"));

        var erased = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/case",
            new() { ["agency"] = Education, ["number"] = number, ["reason"] = "申请人要求删除", ["confirm"] = "true" });
        var report = await FollowAsync(admin, erased);
        Assert.Contains($"已删除 {Education} {number} 的申请人个人信息（不可恢复）。", report);

        var dto = await worker.GetCaseAsync(id);
        var applicant = dto.GetProperty("applicant");
        Assert.Equal("（个人信息已删除）", applicant.Str("name"));
        Assert.Null(applicant.Str("idNumber"));
        Assert.Null(applicant.Str("phone"));
        var last = dto.GetProperty("milestones").EnumerateArray().Last();
        Assert.Equal(("case.personal-data-erased", "删除个人信息", "理由：申请人要求删除；操作人 admin"), (last.Str("type"), last.Str("title"), last.Str("detail")));
        using var workerPages = host.Forms();
        await workerPages.SignInAsync("cw-edu", Password);
        foreach (var page in new[] { $"/cases/{id}", $"/cases/{id}/print" })
        {
            var html = await workerPages.GetPageAsync(page);
            Assert.Contains("（个人信息已删除）", html);
            Assert.Contains("删除（理由：申请人要求删除；操作人 admin）", html);
            Assert.DoesNotContain("李想", html);
            Assert.DoesNotContain(idNumber, html);
        }

        var letter = await workerPages.Http.GetAsync($"/cases/{id}/letters/receipt");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.DoesNotContain("李想", await letter.Content.ReadAsStringAsync());
        Assert.Equal(0, (await worker.GetFromJsonAsync<JsonElement>($"/api/cases?q={idNumber}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await worker.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(number)}")).GetProperty("total").GetInt32());
        // The administrators' report lists the erasure once the read model has it.
        await Eventually.ReturnsAsync(() => admin.GetPageAsync("/admin/erasure"), html => html.Contains($"/cases/{id}"), "the erasure in the report",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_administrator_erases_every_case_of_one_applicant_by_the_ID_number()
    {
        using var worker = host.Api("cw-edu");
        using var health = host.Api("cw-health");
        var (one, _, idNumber) = await ReceiveAsync(worker, Education);
        var (two, _, _) = await ReceiveAsync(health, HealthCommission, idNumber);
        var (other, _, _) = await ReceiveAsync(worker, Education);
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);

        var erased = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/applicant",
            new() { ["idNumber"] = idNumber.ToLowerInvariant(), ["reason"] = "申请人要求删除", ["confirm"] = "on" });

        Assert.Contains("已删除该申请人 2 件案件的个人信息", await FollowAsync(admin, erased));
        Assert.Equal("（个人信息已删除）", (await worker.GetCaseAsync(one)).GetProperty("applicant").Str("name"));
        Assert.Equal("（个人信息已删除）", (await health.GetCaseAsync(two)).GetProperty("applicant").Str("name"));
        Assert.Equal("李想", (await worker.GetCaseAsync(other)).GetProperty("applicant").Str("name"));
        var again = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/applicant",
            new() { ["idNumber"] = idNumber, ["reason"] = "申请人要求删除", ["confirm"] = "on" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("没有申请人身份证号与之相符", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_only_administrators_may_erase()
    {
        using var worker = host.Api("cw-edu");
        var (id, number, _) = await ReceiveAsync(worker, Education);
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);

        var unknown = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/case",
            new() { ["agency"] = Education, ["number"] = "无此编号", ["reason"] = "理由", ["confirm"] = "true" });
        var noReason = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/case",
            new() { ["agency"] = Education, ["number"] = number, ["reason"] = " ", ["confirm"] = "true" });
        var badYears = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/retention", new() { ["agency"] = School, ["years"] = "0" });
        var noId = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/applicant", new() { ["reason"] = "理由", ["confirm"] = "true" });

        foreach (var (response, text) in new[]
                 {
                     (unknown, $"number（编号）：机关“{Education}”没有编号为“无此编号”的案件。"), (noReason, "reason（删除理由）：必须填写"),
                     (badYears, "years（保存年限）：“0”不是 1 到 100 之间的整数年。"), (noId, "idNumber（身份证号）：必须填写"),
                 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(text, await response.Content.ReadAsStringAsync());
        }

        using var caseworker = host.Forms();
        await caseworker.SignInAsync("cw-edu", Password);
        var token = FormClient.Token(await caseworker.GetPageAsync($"/cases/{id}"));
        var forbidden = await caseworker.PostAsync("/admin/erasure/case", token,
            new() { ["agency"] = Education, ["number"] = number, ["reason"] = "理由", ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("李想", (await worker.GetCaseAsync(id)).GetProperty("applicant").Str("name"));
    }

    [Fact]
    public async Task A_retention_rule_is_set_run_and_reported_on_the_page()
    {
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);

        var set = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/retention", new() { ["agency"] = School, ["years"] = "30" });
        Assert.Contains($"已保存：{School}的申请人个人信息于结案满 30 年后删除。", await FollowAsync(admin, set));
        var run = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/run", new() { ["confirm"] = "true" });

        var html = await FollowAsync(admin, run);
        Assert.Contains("已按保存期限规则删除 0 件案件的申请人个人信息。", html);
        Assert.Contains($"{School}（满 30 年，结案早于 {ApiHelpers.Today.AddYears(-30).AddDays(1).Iso()}）：0 件", html);
        var removed = await admin.SubmitAsync("/admin/erasure", "/admin/erasure/retention", new() { ["agency"] = School, ["years"] = "" });
        Assert.Contains("已取消该机关的保存期限规则。", await FollowAsync(admin, removed));
    }

    [Fact]
    public async Task The_ID_copy_of_an_erased_case_is_deleted_unless_a_case_whose_data_is_kept_holds_the_same_file()
    {
        using var worker = host.Api("cw-edu");
        var (erasedCase, number, _) = await ReceiveAsync(worker, Education);
        var (keptCase, _, _) = await ReceiveAsync(worker, Education);
        var own = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% own " + Guid.NewGuid() + "\n%%EOF\n");
        var shared = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% shared " + Guid.NewGuid() + "\n%%EOF\n");
        var ownId = await UploadAsync(worker, erasedCase, own);
        await UploadAsync(worker, erasedCase, shared);
        await UploadAsync(worker, keptCase, shared);
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);

        await FollowAsync(admin, await admin.SubmitAsync("/admin/erasure", "/admin/erasure/case",
            new() { ["agency"] = Education, ["number"] = number, ["reason"] = "申请人要求删除", ["confirm"] = "true" }));

        var download = await worker.GetAsync($"/api/cases/{erasedCase}/documents/{ownId}");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Contains("已随个人信息于", (await download.Content.ReadAsStringAsync()));
        var blobs = host.Services.GetRequiredService<CaseTracker.Documents.DocumentBlobs>();
        Assert.Null(await blobs.OpenAsync(Sha256(own), default));
        await using (var kept = await blobs.OpenAsync(Sha256(shared), default))
        {
            Assert.NotNull(kept);
        }

        var list = await worker.GetFromJsonAsync<JsonElement>($"/api/cases/{keptCase}/documents");
        var keptId = list.EnumerateArray().Single().Str("documentId");
        Assert.Equal(shared, await worker.GetByteArrayAsync($"/api/cases/{keptCase}/documents/{keptId}"));
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static async Task<string> UploadAsync(HttpClient client, Guid id, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(new StringContent("IdCopy"), "kind");
        form.Add(file, "file", "id.pdf");
        var response = await client.PostAsync($"/api/cases/{id}/documents", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("documentId")!;
    }

    /// <summary>A form that succeeded redirects to the page with its message.</summary>
    private static async Task<string> FollowAsync(FormClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>A case whose applicant has an ID number of its own (the shared host's intake default is everyone's).</summary>
    private static async Task<(Guid Id, string Number, string IdNumber)> ReceiveAsync(HttpClient client, string agency, string? idNumber = null)
    {
        var intake = ApiHelpers.Intake(agency);
        idNumber ??= "E" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant();
        intake["name"] = "李想";
        intake["idNumber"] = idNumber;
        var response = await client.PostAsJsonAsync("/api/cases", intake);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("caseId").GetGuid(), (string)intake["caseNumber"]!, idNumber);
    }
}
