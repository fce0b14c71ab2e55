using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseTracker.Web.OpenApi;

/// <summary>A refusal as the API writes it (<see cref="Problem.ToResult"/>): RFC 9457 problem details plus the rule or the field.</summary>
public sealed record ApiProblem(
    [property: Description("问题类型（RFC 9110 对应状态码的链接）")] string? Type,
    [property: Description("标题，如：输入有误")] string Title,
    [property: Description("HTTP 状态码")] int Status,
    [property: Description("中文说明，写明字段或规则及条例条款")] string Detail,
    [property: Description("规则代码，如 input.invalid、version.conflict、supplement.not_requested")] string? Rule,
    [property: Description("有误的字段（请求体的属性、查询参数或请求头），仅 400")] string? Field,
    [property: Description("请求的跟踪编号（如有）")] string? TraceId = null);

/// <summary>
/// The OpenAPI document at /openapi/v1.json: every /api route with an operationId, its request and response schemas, its
/// problem responses; the two ways to sign in (cookie, HTTP Basic) declared and required on every operation that needs a user.
/// </summary>
public static class CaseTrackerOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string CookieScheme = "cookie";
    public const string BasicScheme = "basic";
    public const string ProblemMediaType = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["cases"] = "案件：登记收到申请、查询案件与案件列表",
        ["milestones"] = "办理环节：每种环节一个操作（请求体各不相同），均须 If-Match",
        ["dashboard"] = "期限监督",
        ["reports"] = "政府信息公开工作年度报告",
        ["agencies"] = "机关：按编号规则建议下一个编号",
        ["public"] = "公众：网上提交申请、凭查询码查询（无需登录，限制频率）",
        ["letters"] = "文书：签发（编定文号）、送达登记、本案应有的文书",
        ["documents"] = "案卷材料：上传（multipart/form-data）、列表、下载",
        ["users"] = "用户：当前登录用户（供 LitigationTracker 核验身份）",
    };

    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [400] = "输入有误（field 指明字段）",
        [401] = "未登录（Cookie 或 HTTP Basic）",
        [403] = "无权操作",
        [404] = "未找到",
        [412] = "案件已被他人更新（If-Match 已过时）",
        [413] = "请求过大（超过 1 MB）",
        [422] = "不符合办理规则（rule 指明规则）",
        [428] = "缺少 If-Match",
        [429] = "请求过于频繁（Retry-After 秒后再试）",
    };

    public static IServiceCollection AddCaseTrackerOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Secure(operation, context);
            Annotate(operation, context);
            return Task.CompletedTask;
        });
    });

    /// <summary>Problem responses (problem+json, <see cref="ApiProblem"/>) for these status codes.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ProblemMediaType]));
        }

        return builder;
    }

    /// <summary>
    /// The request body is a JSON <paramref name="body"/>, read by the handler. Documented without the routing constraint that
    /// <c>Accepts</c> adds: another content type must reach the handler and get its 400 in Chinese, not a 404 or 415 from routing.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson(this RouteHandlerBuilder builder, Type body) => builder.WithMetadata(new JsonBody(body));

    /// <summary>
    /// The request body is multipart/form-data with these text fields and one file field, read by the handler (no routing
    /// constraint, as with <see cref="AcceptsJson"/>: another content type gets the handler's 400 in Chinese).
    /// </summary>
    public static RouteHandlerBuilder AcceptsMultipart(this RouteHandlerBuilder builder, string fileField, params string[] textFields) =>
        builder.WithMetadata(new MultipartBody(fileField, textFields));

    /// <summary>The success response carries the case's stream version as ETag.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) => builder.WithMetadata(new ETagResponse());

    /// <summary>The success response may also be a file in these media types (besides the JSON schema).</summary>
    public static RouteHandlerBuilder ProducesFiles(this RouteHandlerBuilder builder, params string[] mediaTypes) =>
        builder.WithMetadata(new FileResponse(mediaTypes));

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CaseTracker API",
            Version = "v1",
            Description = "政府信息公开申请办理系统的接口。请求与响应均为 JSON（UTF-8）；"
                + "拒绝一律为 application/problem+json，中文说明。"
                + "登录：浏览器会话的 Cookie，或 HTTP Basic（用户名、密码）。修改已有案件须带 If-Match（案件的 ETag）。",
        };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "casetracker",
                Description = "登录页（/login）签发的会话 Cookie，8 小时滑动过期",
            },
            [BasicScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = "HTTP Basic：用户名与密码（UTF-8）",
            },
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }
    }

    /// <summary>An operation that needs a user accepts either scheme (two requirements: one or the other).</summary>
    private static void Secure(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BasicScheme, context.Document)] = [] },
        ];
    }

    private static void Annotate(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p is { In: ParameterLocation.Header, Name: "If-Match" }))
        {
            parameter.Required = true;
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse problem && problem.Content?.ContainsKey(ProblemMediaType) == true
                && int.TryParse(status, out var code) && ProblemDescriptions.TryGetValue(code, out var description))
            {
                problem.Description = description;
            }
        }

        foreach (var multipart in metadata.OfType<MultipartBody>())
        {
            var properties = multipart.TextFields.ToDictionary(f => f, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String });
            properties[multipart.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = properties,
                            Required = new HashSet<string> { multipart.FileField },
                        },
                    },
                },
            };
        }

        var successes = (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>().ToList();
        if (metadata.OfType<ETagResponse>().Any())
        {
            foreach (var response in successes)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "案件的流版本，如 \"3\"；登记办理环节时作为 If-Match 回传",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        foreach (var file in metadata.OfType<FileResponse>())
        {
            foreach (var response in successes)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                foreach (var mediaType in file.MediaTypes)
                {
                    response.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
            }
        }
    }

    /// <summary>No content types: the routing matcher does not filter on them; the document says application/json.</summary>
    private sealed class JsonBody(Type body) : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes => [];

        public Type? RequestType => body;

        public bool IsOptional => false;
    }

    private sealed class ETagResponse;

    private sealed record MultipartBody(string FileField, IReadOnlyList<string> TextFields);

    private sealed record FileResponse(IReadOnlyList<string> MediaTypes);
}
