using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// The OpenAPI document as a client's tooling reads it (/openapi/v1.json from the real host): every /api route with an
/// operationId, a request schema on every write, the two security schemes, problem responses. The Redocly lint of the same
/// document is described in services/CaseTracker/Web/README.md.
/// </summary>
[Collection(HostCollection.Name)]
public class OpenApiTests(HostFixture host)
{
    private static readonly string[] MilestoneKinds =
    [
        "request-supplement", "record-supplement", "lapse-supplement", "start-consultation", "record-consultation-answer", "lapse-consultation",
        "extend", "issue-fee-notice", "record-fee-payment", "lapse-fee", "request-reasons", "set-delayed-answer-date", "answer", "withdraw",
        "file-reconsideration", "conclude-reconsideration", "file-lawsuit", "conclude-lawsuit", "correct-date", "correct-outcome", "correct-applicant-type",
        "waive-fee", "decide-public-interest-disclosure",
    ];

    private static readonly string[] MilestoneOperationIds =
    [
        "requestSupplement", "recordSupplement", "lapseSupplement", "startConsultation", "recordConsultationAnswer", "lapseConsultation",
        "extend", "issueFeeNotice", "recordFeePayment", "lapseFee", "requestReasons", "setDelayedAnswerDate", "answer", "withdraw",
        "fileReconsideration", "concludeReconsideration", "fileLawsuit", "concludeLawsuit", "correctDate", "correctOutcome", "correctApplicantType",
        "waiveFee", "decidePublicInterestDisclosure",
    ];

    /// <summary>(method, path, operationId) of every documented operation, written out by hand.</summary>
    private static readonly IReadOnlyList<(string Method, string Path, string OperationId)> Expected =
    [
        ("post", "/api/cases", "receiveCase"),
        ("get", "/api/cases", "listCases"),
        ("get", "/api/cases/{id}", "getCase"),
        ("post", "/api/cases/{id}/assignee", "assignCase"),
        ("get", "/api/dashboard", "getDashboard"),
        ("get", "/api/reports/{year}", "getYearReport"),
        ("get", "/api/agencies/{agency}/next-number", "getNextCaseNumber"),
        ("get", "/api/cases/{id}/letters", "listLetters"),
        ("post", "/api/cases/{id}/letters", "issueLetter"),
        ("post", "/api/cases/{id}/letters/delivery", "recordLetterDelivery"),
        ("get", "/api/cases/{id}/documents", "listDocuments"),
        ("post", "/api/cases/{id}/documents", "uploadDocument"),
        ("get", "/api/cases/{id}/documents/{documentId}", "downloadDocument"),
        ("get", "/api/me", "me"),
        ("post", "/api/public/requests", "submitPublicRequest"),
        ("get", "/api/public/requests/{queryCode}", "getPublicRequest"),
        ("get", "/api/public/requests/{queryCode}/letters/{letterId}", "getPublicRequestLetter"),
        .. MilestoneKinds.Zip(MilestoneOperationIds, (kind, id) => ("post", $"/api/cases/{{id}}/milestones/{kind}", id)),
    ];

    /// <summary>The applicant's operations: anonymous by design, rate-limited (PortalLimits), no sign-in.</summary>
    private static readonly string[] PublicOperationIds = ["submitPublicRequest", "getPublicRequest", "getPublicRequestLetter"];

    /// <summary>Operations whose success is a file, not JSON.</summary>
    private static readonly string[] FileOperationIds = ["downloadDocument", "getPublicRequestLetter"];

    [Fact]
    public async Task Every_api_operation_is_documented_with_an_operationId_summary_and_tag()
    {
        var doc = await DocumentAsync();
        var operations = Operations(doc).ToList();
        Assert.Equal(17 + 23, operations.Count);
        Assert.Equal(Expected.OrderBy(e => e.Path).ThenBy(e => e.Method), operations.Select(o => (o.Method, o.Path, o.Op.GetProperty("operationId").GetString()!))
            .OrderBy(e => e.Path).ThenBy(e => e.Method));
        var tags = doc.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.Str("description"));
        Assert.Equal(["agencies", "cases", "dashboard", "documents", "letters", "milestones", "public", "reports", "users"], tags.Keys.Order(StringComparer.Ordinal));
        Assert.All(tags.Values, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        foreach (var (method, path, op) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(op.Str("summary")), $"{method} {path}: summary");
            Assert.Contains(Assert.Single(op.GetProperty("tags").EnumerateArray()).GetString(), tags.Keys);
        }

        Assert.Equal("告知补正（条例第三十条）", Operation(doc, "post", "/api/cases/{id}/milestones/request-supplement").Str("summary"));
    }

    [Fact]
    public async Task Every_api_route_of_the_host_is_in_the_document_or_is_a_404_catch_all()
    {
        var documented = Operations(await DocumentAsync()).Select(o => o.Path).ToHashSet();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.Ordinal)).ToList();
        var hidden = routes.Where(r => r.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            .Select(r => r.RoutePattern.RawText!.TrimStart('/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["api/cases/{id:guid}/milestones/{kind}", "api/{**path}"], hidden);
        // The document names route parameters without their constraints ({documentId:guid} is {documentId}).
        var shown = routes.Select(r => "/" + Regex.Replace(r.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'), @"\{(\w+):[^}]+\}", "{$1}"))
            .Where(p => p is not ("/api/{**path}" or "/api/cases/{id}/milestones/{kind}")).ToHashSet();
        Assert.Equal(documented.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_write_has_a_typed_JSON_body_and_milestones_require_If_Match()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (method, path, op) in Operations(doc).Where(o => o.Method == "post"))
        {
            var body = op.GetProperty("requestBody");
            Assert.True(body.GetProperty("required").GetBoolean(), path);
            if (op.Str("operationId") == "uploadDocument")
            {
                // The one upload: a file, streamed (multipart/form-data, kind before file), not JSON.
                var content = body.GetProperty("content");
                Assert.Equal(["multipart/form-data"], content.EnumerateObject().Select(c => c.Name));
                var form = content.GetProperty("multipart/form-data").GetProperty("schema");
                Assert.Equal("object", form.Str("type"));
                Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").Str("format"));
                Assert.True(form.GetProperty("properties").TryGetProperty("kind", out _));
                Assert.Equal(["file"], Required(form));
                continue;
            }

            var reference = body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var schema = schemas.GetProperty(reference["#/components/schemas/".Length..]);
            Assert.Equal("object", schema.Str("type"));
            Assert.NotEmpty(schema.GetProperty("properties").EnumerateObject());
            if (path.Contains("/milestones/", StringComparison.Ordinal))
            {
                var ifMatch = op.GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == "If-Match");
                Assert.Equal("header", ifMatch.Str("in"));
                Assert.True(ifMatch.GetProperty("required").GetBoolean());
                Assert.True(op.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
            }
        }

        Assert.Equal(["agency", "applicantType", "caseNumber", "channel", "description", "name", "on"], Required(schemas.GetProperty("IntakeBody")));
        Assert.Equal(["items", "on", "respondBy"], Required(schemas.GetProperty("RequestSupplementBody")));
        // The amount is computed from the tiers (国办函〔2020〕109号); an amount given must agree with it.
        Assert.Equal(["applicantReceivedOn", "method", "on"], Required(schemas.GetProperty("IssueFeeNoticeBody")));
        var intake = schemas.GetProperty("IntakeBody").GetProperty("properties");
        Assert.Equal("date", intake.GetProperty("on").Str("format"));
        Assert.Equal(64, intake.GetProperty("caseNumber").GetProperty("maxLength").GetInt32());
        var feeMethod = schemas.GetProperty("IssueFeeNoticeBody").GetProperty("properties").GetProperty("method").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/FeeMethod", feeMethod);
        Assert.Contains("PerItem", schemas.GetProperty("FeeMethod").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Every_operation_needs_cookie_or_Basic_and_documents_its_problems()
    {
        var doc = await DocumentAsync();
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("cookie").Str("type"));
        Assert.Equal("cookie", schemes.GetProperty("cookie").Str("in"));
        Assert.Equal("casetracker", schemes.GetProperty("cookie").Str("name"));
        Assert.Equal("http", schemes.GetProperty("basic").Str("type"));
        Assert.Equal("basic", schemes.GetProperty("basic").Str("scheme"));
        Assert.All(doc.GetProperty("servers").EnumerateArray(), s => Assert.False(s.Str("url")!.EndsWith('/'), s.Str("url")));

        foreach (var (method, path, op) in Operations(doc))
        {
            var id = op.Str("operationId")!;
            var responses = op.GetProperty("responses");
            var success = responses.EnumerateObject().Single(r => r.Name.StartsWith('2'));
            var content = success.Value.GetProperty("content");
            if (FileOperationIds.Contains(id))
            {
                Assert.All(content.EnumerateObject(), c => Assert.Equal("binary", c.Value.GetProperty("schema").Str("format")));
                Assert.NotEmpty(content.EnumerateObject());
            }
            else
            {
                Assert.True(content.TryGetProperty("application/json", out var json), $"{method} {path}");
                Assert.True(json.TryGetProperty("schema", out _));
            }

            var problems = responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).Select(r => r.Name).ToList();
            if (PublicOperationIds.Contains(id))
            {
                // Anonymous by design: no security requirement, never 401/403; rate-limited (429), a wrong code is 404.
                Assert.False(op.TryGetProperty("security", out _), $"{method} {path}: public, yet declares security");
                Assert.Contains("429", problems);
                Assert.DoesNotContain("401", problems);
                Assert.DoesNotContain("403", problems);
                if (method == "get")
                {
                    Assert.Contains("404", problems);
                }
            }
            else
            {
                var security = op.GetProperty("security").EnumerateArray().Select(r => string.Join("+", r.EnumerateObject().Select(p => p.Name))).ToList();
                Assert.Equal(["cookie", "basic"], security);
                Assert.Contains("401", problems);
                if (id != "me")
                {
                    // GET /api/me answers any signed-in user: nothing to forbid.
                    Assert.Contains("403", problems);
                }
            }

            Assert.All(responses.EnumerateObject().Where(r => r.Name.StartsWith('4')), r => Assert.Equal("#/components/schemas/ApiProblem",
                r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()));
        }

        var record = Operation(doc, "post", "/api/cases/{id}/milestones/answer").GetProperty("responses");
        Assert.Equal(["200", "400", "401", "403", "404", "412", "413", "422", "428"], record.EnumerateObject().Select(r => r.Name));
        Assert.Equal(["field", "rule"], doc.GetProperty("components").GetProperty("schemas").GetProperty("ApiProblem").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Where(n => n is "field" or "rule").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task What_the_API_serves_has_the_documented_shape()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        using var api = host.Api("sup-district");
        var (id, _) = await api.ReceiveAsync(Education);
        var served = await api.GetCaseAsync(id);
        Assert.Equal(Properties(schemas.GetProperty("CaseDto")), served.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var report = await api.GetFromJsonAsync<JsonElement>($"/api/reports/{ApiHelpers.Today.Year}?agency={Uri.EscapeDataString(District)}");
        Assert.Subset(Properties(schemas.GetProperty("AnnualReportDocument")).ToHashSet(), report.EnumerateObject().Select(p => p.Name).ToHashSet());
        var dashboard = await api.GetFromJsonAsync<JsonElement>("/api/dashboard");
        Assert.Equal(Properties(schemas.GetProperty("DashboardView")), dashboard.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        using var anonymous = new HttpClient { BaseAddress = host.Address };
        var refused = await anonymous.GetAsync("/api/dashboard");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Subset(Properties(schemas.GetProperty("ApiProblem")).ToHashSet(), problem.EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        return await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    private static IEnumerable<(string Method, string Path, JsonElement Op)> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (o.Name, p.Name, o.Value)));

    private static JsonElement Operation(JsonElement doc, string method, string path) => doc.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string> Required(JsonElement schema) =>
        schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal).ToList();

    private static List<string> Properties(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
}
