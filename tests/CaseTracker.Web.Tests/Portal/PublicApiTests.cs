using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseTracker.EventStore;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>The public API and the intake queue on the real host with a real SMTP server.</summary>
[Collection(PortalCollection.Name)]
public sealed class PublicApiTests(PortalFixture host)
{
    [Fact]
    public async Task A_request_submitted_over_the_api_is_mailed_confirmed_by_a_caseworker_and_shows_its_receipt_date_and_deadline()
    {
        var tag = PortalHelpers.Tag();
        using var client = host.Anonymous();
        var code = await client.SubmitAsync(PortalHelpers.Application(tag));
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{20}$", code);

        var submitted = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn")));
        Assert.StartsWith("政府信息公开申请已提交", submitted.Subject, StringComparison.Ordinal);
        Assert.Contains(code[..5] + "-" + code[5..10], submitted.Text, StringComparison.Ordinal);
        Assert.Contains("以双方确认之日为收到申请之日", submitted.Text, StringComparison.Ordinal);

        var waiting = await client.LookupAsync(code, "4321");
        Assert.Equal("Pending", waiting.GetProperty("status").GetString());
        Assert.Equal("待确认", waiting.GetProperty("statusLabel").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("receivedOn").ValueKind);
        Assert.Equal(0, waiting.GetProperty("letters").GetArrayLength());
        Assert.DoesNotContain("张三", waiting.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", waiting.GetRawText(), StringComparison.Ordinal);

        using var staff = host.Forms();
        await staff.SignInAsync("cw-edu", Password);
        Assert.Contains($"/intake/{code}", await staff.GetPageAsync("/intake"), StringComparison.Ordinal);
        var number = ApiHelpers.NewNumber("NET");
        var today = PortalHelpers.Today;
        var confirmed = await staff.SubmitAsync($"/intake/{code}", $"/intake/{code}/confirm", new() { ["caseNumber"] = number, ["receivedOn"] = today.Iso() });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var caseId = Guid.Parse(confirmed.Headers.Location!.OriginalString.Split('?')[0]["/cases/".Length..]);

        var registered = await host.Api("cw-edu").GetCaseAsync(caseId);
        Assert.Equal("Online", registered.GetProperty("channel").GetString());
        Assert.Equal(number, registered.GetProperty("caseNumber").GetString());
        Assert.Equal(today.Iso(), registered.GetProperty("receivedOn").GetString());
        Assert.Equal("张三", registered.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal("居民身份证 11010519491231002X", registered.GetProperty("applicant").GetProperty("idNumber").GetString());
        Assert.Equal($"2025 年部门预算 {tag}", registered.GetProperty("description").GetString());
        Assert.Equal("电子（电子邮件）", registered.GetProperty("requestedForm").GetString());
        var deadline = DateOnly.Parse(registered.GetProperty("clock").GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // 20 working days (条例第三十三条) span at least four calendar weeks less a weekend, and holidays add at most a few weeks.
        Assert.InRange(deadline.DayNumber - today.DayNumber, 25, 60);

        var status = await client.LookupAsync(code, "4321");
        Assert.Equal("InProgress", status.GetProperty("status").GetString());
        Assert.Equal(today.Iso(), status.GetProperty("receivedOn").GetString());
        Assert.Equal(deadline.Iso(), status.GetProperty("deadline").GetString());

        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn") && m.Subject.StartsWith("政府信息公开申请已签收", StringComparison.Ordinal)));
        Assert.Contains($"收到申请日期：{today.Iso()}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"答复期限：{deadline.Iso()}", mail.Text, StringComparison.Ordinal);

        var again = await staff.SubmitAsync($"/intake/{code}", $"/intake/{code}/confirm", new() { ["caseNumber"] = ApiHelpers.NewNumber("NET"), ["receivedOn"] = today.Iso() });
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Two_caseworkers_confirming_at_once_register_one_case()
    {
        var tag = PortalHelpers.Tag();
        using var client = host.Anonymous();
        var code = await client.SubmitAsync(PortalHelpers.Application(tag));
        using var first = host.Forms();
        using var second = host.Forms();
        await first.SignInAsync("cw-edu", Password);
        await second.SignInAsync("cw-edu", Password);
        var page1 = await first.GetPageAsync($"/intake/{code}");
        var page2 = await second.GetPageAsync($"/intake/{code}");
        var today = PortalHelpers.Today.Iso();
        var (a, b) = (ApiHelpers.NewNumber("A"), ApiHelpers.NewNumber("B"));
        var answers = await Task.WhenAll(
            first.PostAsync($"/intake/{code}/confirm", FormClient.Token(page1), new() { ["caseNumber"] = a, ["receivedOn"] = today }),
            second.PostAsync($"/intake/{code}/confirm", FormClient.Token(page2), new() { ["caseNumber"] = b, ["receivedOn"] = today }));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, r => (int)r.StatusCode is 409 or 412 or 422);
        var claims = await host.Services.GetRequiredService<IEventStore>().ClaimsAsync(UniqueClaim.CaseNumberScope);
        Assert.Single(claims.Keys, k => k == $"{Education}\u001f{a}" || k == $"{Education}\u001f{b}");
        Assert.Equal("InProgress", (await client.LookupAsync(code, "4321")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_forwarded_request_moves_to_the_other_agency_s_queue_and_the_applicant_sees_where()
    {
        var tag = PortalHelpers.Tag();
        using var client = host.Anonymous();
        var code = await client.SubmitAsync(PortalHelpers.Application(tag));
        using var edu = host.Forms();
        await edu.SignInAsync("cw-edu", Password);
        var forwarded = await edu.SubmitAsync($"/intake/{code}", $"/intake/{code}/forward", new() { ["toAgency"] = HealthCommission, ["note"] = "属于卫生健康委职责" });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);

        var status = await client.LookupAsync(code, "4321");
        Assert.Equal("Pending", status.GetProperty("status").GetString());
        Assert.Equal(HealthCommission, status.GetProperty("agency").GetString());
        Assert.Contains($"{Education}已将申请转办至{HealthCommission}：属于卫生健康委职责", status.GetProperty("steps")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn") && m.Subject.StartsWith("政府信息公开申请已转办", StringComparison.Ordinal)));
        Assert.Contains($"现受理机关：{HealthCommission}", mail.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await edu.Http.GetAsync($"/intake/{code}")).StatusCode);
        using var health = host.Forms();
        await health.SignInAsync("cw-health", Password);
        Assert.Contains($"/intake/{code}", await health.GetPageAsync("/intake"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_answered_as_not_a_disclosure_request_shows_the_answer_and_cannot_be_confirmed_afterwards()
    {
        var tag = PortalHelpers.Tag();
        using var client = host.Anonymous();
        var code = await client.SubmitAsync(PortalHelpers.Application(tag));
        using var edu = host.Forms();
        await edu.SignInAsync("cw-edu", Password);
        var answered = await edu.SubmitAsync($"/intake/{code}", $"/intake/{code}/answer", new() { ["kind"] = "信访", ["reply"] = "请向区信访局提出。" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var status = await client.LookupAsync(code, "4321");
        Assert.Equal("NotARequest", status.GetProperty("status").GetString());
        Assert.Equal("不作为政府信息公开申请处理", status.GetProperty("decision").GetString());
        Assert.Contains("本件属于信访事项，不作为政府信息公开申请处理（条例第三十九条）。请向区信访局提出。",
            status.GetProperty("steps")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn") && m.Subject.StartsWith("关于您提交的申请的答复", StringComparison.Ordinal)));
        Assert.Contains("请向区信访局提出。", mail.Text, StringComparison.Ordinal);

        var confirm = await edu.PostAsync($"/intake/{code}/confirm", FormClient.Token(await edu.GetPageAsync("/intake")),
            new() { ["caseNumber"] = ApiHelpers.NewNumber("X"), ["receivedOn"] = PortalHelpers.Today.Iso() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirm.StatusCode);
        Assert.Contains("已处理", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_phone_gives_the_same_404_as_an_unknown_code()
    {
        using var client = host.Anonymous();
        var code = await client.SubmitAsync(PortalHelpers.Application(PortalHelpers.Tag()));
        var unknown = await client.GetAsync($"/api/public/requests/{QueryCode()}?phone4=4321");
        var wrongPhone = await client.GetAsync($"/api/public/requests/{code}?phone4=4322");
        var noPhone = await client.GetAsync($"/api/public/requests/{code}");
        var junk = await client.GetAsync($"/api/public/requests/{new string('Z', 500)}?phone4=abcd");
        var bodies = new List<string>();
        foreach (var response in new[] { unknown, wrongPhone, noPhone, junk })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.ProblemAsync();
            bodies.Add($"{problem.GetProperty("title")}|{problem.GetProperty("detail")}|{problem.GetProperty("rule")}|{problem.GetProperty("status")}");
        }

        Assert.Single(bodies.Distinct());
        Assert.Equal("未找到|查询码或联系电话后四位不正确。|not_found|404", bodies[0]);
    }

    [Fact]
    public async Task Refusals_name_the_field_in_chinese_and_write_nothing()
    {
        using var client = host.Anonymous();
        var tag = PortalHelpers.Tag();
        var cases = new (string Field, object? Value, string Message)[]
        {
            ("idNumber", "110105194912310021", "证件号码：居民身份证号码校验位不符（按 GB 11643 应为 X），请核对号码。"),
            ("agency", "不存在的机关", "受理机关：“不存在的机关”不在机关名录中，请从列表中选择。"),
            ("email", "not-an-address", "电子邮箱：“not-an-address”不是有效的邮箱地址。"),
            ("form", "胶片", "所需信息的形式：“胶片”不是可选的值（可选：电子、纸质）。"),
            ("phone", "12", "联系电话：应为 7–20 位数字（可含 +、- 和空格），例如 13800138000 或 010-12345678。"),
        };
        foreach (var (field, value, message) in cases)
        {
            var body = PortalHelpers.Application(tag);
            body[field] = value;
            var response = await client.PostAsJsonAsync("/api/public/requests", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal(field, problem.GetProperty("field").GetString());
            Assert.Equal(message, problem.GetProperty("detail").GetString());
        }

        await Task.Delay(1000);
        Assert.DoesNotContain(host.Smtp.Received, m => m.To.Contains($"zhang.{tag}@example.cn"));
    }

    [Fact]
    public async Task Three_hundred_and_more_malformed_bodies_never_give_a_5xx()
    {
        using var client = host.Anonymous();
        var tag = PortalHelpers.Tag();
        var statuses = new Dictionary<int, int>();
        var bodies = MalformedBodies(tag).ToList();
        foreach (var (content, media) in bodies)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/requests") { Content = new ByteArrayContent(content) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", media);
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 413, $"{status} for {Encoding.UTF8.GetString(content[Math.Max(0, content.Length - 300)..])}");
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        Assert.True(bodies.Count >= 300, $"{bodies.Count} bodies");
        Assert.Equal(bodies.Count, statuses.Where(s => s.Key is 400 or 413).Sum(s => s.Value));
        Console.WriteLine($"malformed bodies: {bodies.Count}; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        await Task.Delay(500);
        Assert.DoesNotContain(host.Smtp.Received, m => m.To.Any(t => t.Contains(tag, StringComparison.Ordinal)));
    }

    private static string QueryCode() => CaseTracker.Portal.QueryCode.New();

    private static IEnumerable<(byte[] Content, string Media)> MalformedBodies(string tag)
    {
        const string json = "application/json";
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        foreach (var text in new[] { "", " ", "null", "true", "42", "\"text\"", "[]", "[{}]", "{", "}", "{\"agency\":", "{\"agency\" \"x\"}", "{'agency':'x'}",
            "{\"agency\":\"x\",}", "<xml/>", "agency=x", "{\"a\":1}{\"b\":2}", "{\"agency\":\"\\uD800\"}", "{\"\\uDFFF\":1}", "{\"agency\":NaN}",
            "{\"agency\":1e999999}", new string('[', 5000), "{\"agency\":" + new string('[', 70) + new string(']', 70) + "}", "\u0000", "{}" })
        {
            yield return (Utf8(text), json);
        }

        yield return ([0xFF, 0xFE, 0x7B, 0x7D], json);
        yield return ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], json);
        yield return (Utf8(JsonSerializer.Serialize(PortalHelpers.Application(tag))), "text/plain");
        yield return (Utf8(JsonSerializer.Serialize(PortalHelpers.Application(tag))), "application/x-www-form-urlencoded");
        yield return (Utf8(JsonSerializer.Serialize(PortalHelpers.Application(tag))), "multipart/form-data; boundary=x");
        yield return (Utf8("{\"description\":\"" + new string('长', 70_000) + "\"}"), json);

        var valid = PortalHelpers.Application(tag);
        var badValues = new object?[]
        {
            null, "", "   ", 0, -1, 3.5, true, false, new object[] { }, new object[] { 1, 2 }, new Dictionary<string, object> { ["x"] = 1 },
            new string('x', 5000), "\u0001\u0002", "<script>alert(1)</script>", "'; DROP TABLE events; --", "\uFFFF", "😀😀",
        };
        // Free text takes any characters; malformed there means missing, blank, nested or too long.
        var badText = new object?[]
        {
            null, "", "   ", "\t\n", new Dictionary<string, object> { ["x"] = 1 }, new object[] { new Dictionary<string, object>() },
            new string('x', 5000), new string('长', 4001) + "x", new object[] { new object[] { 1 } },
        };
        foreach (var field in valid.Keys)
        {
            var without = new Dictionary<string, object?>(valid);
            without.Remove(field);
            if (field is not ("address" or "idType"))
            {
                yield return (Utf8(JsonSerializer.Serialize(without)), json);
            }

            foreach (var bad in field is "name" or "address" or "description" ? badText : badValues)
            {
                if (field == "address" && (bad is null || bad is string text && string.IsNullOrWhiteSpace(text)))
                {
                    continue;
                }

                var body = new Dictionary<string, object?>(valid) { [field] = bad };
                yield return (Utf8(JsonSerializer.Serialize(body)), json);
            }

            var twice = JsonSerializer.Serialize(valid);
            yield return (Utf8(twice[..^1] + $",\"{field.ToUpperInvariant()}\":\"again\"}}"), json);
        }

        foreach (var id in new[] { "110105194912310021", "1101051949123100", "11010519491231002Y", "000105194912310020", "110105194902300023", "１１０１０５１９４９１２３１００２Ｘ" })
        {
            yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["idNumber"] = id })), json);
        }

        foreach (var email in new[] { "a@b", "@example.cn", "zhang@", "zhang@@example.cn", "zhang example@example.cn", "<zhang@example.cn>", "zhang@example..cn",
            "zhang@-example.cn", "\"zhang\"@example.cn", "zhang@example.cn, li@example.cn", "zhang@example.cn\r\nBcc: x@example.cn" })
        {
            yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["email"] = email })), json);
        }

        foreach (var phone in new[] { "123456", "abcdefghij", "1380013800a", "+", "++8613800138000", "138 0013 8000 1234 5678 9", "１３８００１３８０００", "138-0013-800-" })
        {
            yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["phone"] = phone })), json);
        }

        foreach (var (type, code) in new[] { ("商业企业", (string?)null), ("商业企业", "123"), ("商业企业", "91110000MA00ABCD1"), ("CommercialEnterprise", "91110000ma00abcd1!"), ("OtherOrganization", "") })
        {
            yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["applicantType"] = type, ["organisationCode"] = code })), json);
        }

        foreach (var delivery in new[] { "飞鸽传书", "email", "邮寄 " + new string('x', 30) })
        {
            yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["delivery"] = delivery })), json);
        }

        yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["delivery"] = "邮寄", ["address"] = null })), json);
        yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["idType"] = "驾驶证" })), json);

        // Every third prefix of a valid body: none of them is a whole JSON object.
        var whole = JsonSerializer.Serialize(valid);
        for (var cut = 1; cut < whole.Length - 1; cut += 3)
        {
            yield return (Utf8(whole[..cut]), json);
        }

        foreach (var type in new[] { "外星人", "NaturalPersonX", "7", "CommercialEnterprise" })
        {
            yield return (Utf8(JsonSerializer.Serialize(new Dictionary<string, object?>(valid) { ["applicantType"] = type })), json);
        }
    }
}
