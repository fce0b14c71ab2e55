using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.OpenApi;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Documents;

/// <summary>A document as the API lists it; <see cref="FileName"/> is null where the user may not open it (personal data).</summary>
public sealed record DocumentDto(
    Guid DocumentId, string Kind, string KindLabel, string? FileName, string ContentType, string Sha256, long Size, string UploadedBy,
    DateOnly On, DateTimeOffset RecordedAt, bool CanOpen);

/// <summary>
/// The case file's documents: the upload form and the download on the case page, and the same under /api. The upload is
/// a multipart/form-data stream read section by section (never buffered whole), with the request size limit raised for
/// these routes only to the document limit.
/// </summary>
public static class DocumentEndpoints
{
    public static IServiceCollection AddCaseDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DocumentSettings.From(configuration));
        services.AddSingleton(DocumentBlobs.For);
        services.AddScoped<DocumentUpload>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseDocuments(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/cases/{id:guid}/documents").RequireAuthorization().ExcludeFromDescription();
        pages.MapPost("/", UploadFromForm);
        pages.MapGet("/{documentId:guid}", Download);

        var api = app.MapGroup("/api/cases/{id:guid}/documents").RequireAuthorization().WithTags("documents");
        api.MapGet("/", List).WithName("listDocuments").WithSummary("案卷材料列表")
            .WithDescription("本案上传的材料；含个人信息的材料（申请表、信封、身份证明复印件、送达回证）只对能看到申请人个人信息的用户给出文件名，canOpen 表示能否下载。")
            .Produces<IReadOnlyList<DocumentDto>>().ProducesProblems(401, 403, 404);
        api.MapPost("/", UploadFromApi).WithName("uploadDocument").WithSummary("上传案卷材料")
            .WithDescription("multipart/form-data：字段 kind（ApplicationForm、Envelope、IdCopy、ThirdPartyReply、DeliveryReceipt、DisclosedFile、Other 或中文名称，"
                + "也可放在查询字符串中）须在文件之前，字段 file 为文件。文件类型按内容识别；大小与解压上限见 README。返回 201 与材料。")
            .AcceptsMultipart("file", "kind")
            .Produces<DocumentDto>(201).ProducesProblems(400, 401, 403, 404, 413);
        api.MapGet("/{documentId:guid}", Download).WithName("downloadDocument").WithSummary("下载案卷材料")
            .Produces(200).ProducesFiles("application/octet-stream").ProducesProblems(401, 403, 404);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, Guid id, IEventStore store)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var sees = SeesPersonalData(context, file);
        return TypedResults.Ok(DocumentUpload.Of(file).Select(d => Dto(d.Document, d.Envelope.RecordedAt, sees)).ToList());
    }

    private static async Task<IResult> UploadFromApi(HttpContext context, Guid id, DocumentUpload upload, IEventStore store, string? kind)
    {
        var (document, version) = await ReadAndAttachAsync(context, id, upload, kind, antiforgery: false);
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        context.Response.Headers.ETag = $"\"{version}\"";
        var recorded = file.Events.First(e => e.Event is DocumentAttached d && d.DocumentId == document.DocumentId).RecordedAt;
        return TypedResults.Created($"/api/cases/{id}/documents/{document.DocumentId}", Dto(document, recorded, SeesPersonalData(context, file)));
    }

    private static async Task<IResult> UploadFromForm(
        HttpContext context, Guid id, DocumentUpload upload, IEventStore store, CasePolicy policy, TimeProvider time)
    {
        try
        {
            await ReadAndAttachAsync(context, id, upload, null, antiforgery: true);
            return Results.Redirect($"/cases/{id}?done=document#documents");
        }
        catch (Exception error) when (Problem.From(error) is { Status: not (403 or 404) } problem)
        {
            var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
            return CasePages.ShowCase(context, file, policy, time.Today(), $"材料未上传：{problem.Detail}", status: problem.Status);
        }
    }

    private static async Task<IResult> Download(HttpContext context, Guid id, Guid documentId, DocumentUpload upload, IEventStore store)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var (document, content) = await upload.OpenAsync(id, documentId, SeesPersonalData(context, file), context.RequestAborted);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(content, document.ContentType, document.FileName, enableRangeProcessing: false);
    }

    /// <summary>
    /// Reads the multipart body up to the file part: fields before it (the antiforgery token, kind), then the file itself
    /// streamed into <see cref="DocumentUpload"/>. Whatever follows the file is not read.
    /// </summary>
    private static async Task<(DocumentAttached Document, long Version)> ReadAndAttachAsync(
        HttpContext context, Guid id, DocumentUpload upload, string? kindFromQuery, bool antiforgery)
    {
        var settings = context.RequestServices.GetRequiredService<DocumentSettings>();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The rest of the site keeps its 1 MB; the form's fields and the multipart framing need little more than the file.
            limit.MaxRequestBodySize = settings.MaxBytes + (64 * 1024);
        }

        var boundary = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new UserError("file", "文件：请求应为 multipart/form-data 文件上传（字段 kind 与 file）。");
        }

        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (kindFromQuery is not null)
        {
            fields["kind"] = kindFromQuery;
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            var (name, fileName) = Disposition(section.ContentDisposition);
            if (fileName is null)
            {
                fields[name] = await ReadFieldAsync(section.Body, name, context.RequestAborted);
                continue;
            }

            if (!name.Equals("file", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (antiforgery)
            {
                await ValidateAntiforgeryAsync(context, fields);
            }

            var values = new FormValues(fields);
            var kind = values.Choice("kind", "材料类型", DocumentKinds.All);
            return await upload.AttachAsync(id, kind, fileName, section.Body, context.RequestAborted);
        }

        throw new UserError("file", "文件：请求中没有文件（字段 file），或字段 kind 放在了文件之后。");
    }

    /// <summary>
    /// The field name and file name (null: not a file) of a part's Content-Disposition. Read by hand: browsers and HttpClient
    /// write non-ASCII names as RFC 5987 <c>filename*=utf-8''…</c> and RFC 2047 <c>=?utf-8?B?…?=</c>, which the framework's
    /// parser refuses for some names.
    /// </summary>
    public static (string Name, string? FileName) Disposition(string? header)
    {
        string? name = null, plain = null, extended = null;
        foreach (var part in SplitParameters(header ?? ""))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var key = part[..equals].Trim().ToLowerInvariant();
            var value = part[(equals + 1)..].Trim();
            value = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;
            switch (key)
            {
                case "name":
                    name = value;
                    break;
                case "filename":
                    plain = DecodeEncodedWord(value);
                    break;
                case "filename*":
                    var quote = value.IndexOf("''", StringComparison.Ordinal);
                    extended = Uri.UnescapeDataString(quote < 0 ? value : value[(quote + 2)..]);
                    break;
            }
        }

        return (name ?? "", extended ?? plain);
    }

    private static IEnumerable<string> SplitParameters(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"' && (i == 0 || header[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (header[i] == ';' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }

    /// <summary>An RFC 2047 base64 encoded word (<c>=?utf-8?B?…?=</c>) as text; anything else as it is.</summary>
    private static string DecodeEncodedWord(string value)
    {
        var parts = value.Split('?');
        if (parts.Length != 5 || parts[0] != "=" || parts[4] != "=" || !parts[1].Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || !parts[2].Equals("B", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(parts[3]));
        }
        catch (FormatException)
        {
            return value;
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken ct)
    {
        var buffer = new byte[4097];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return read < buffer.Length
            ? System.Text.Encoding.UTF8.GetString(buffer, 0, read)
            : throw new UserError(name, $"{name}：字段过长（最多 4096 字节）。");
    }

    /// <summary>The form's token arrives as a multipart field before the file: handed to antiforgery as its header, so it never reads the form.</summary>
    private static async Task ValidateAntiforgeryAsync(HttpContext context, Dictionary<string, string?> fields)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        if (options.HeaderName is null || !fields.TryGetValue(options.FormFieldName, out var token) || string.IsNullOrEmpty(token))
        {
            throw new AntiforgeryValidationException("The antiforgery token is missing.");
        }

        context.Request.Headers[options.HeaderName] = token;
        await antiforgery.ValidateRequestAsync(context);
    }

    private static bool SeesPersonalData(HttpContext context, CaseFile file) =>
        context.Access().SeesPersonalData(WebUser.Of(context.User)!.Role, file.Agency);

    private static DocumentDto Dto(DocumentAttached d, DateTimeOffset recordedAt, bool seesPersonalData)
    {
        var canOpen = seesPersonalData || !d.Kind.HoldsPersonalData();
        return new DocumentDto(d.DocumentId, d.Kind.ToString(), d.Kind.Label(), canOpen ? d.FileName : null, d.ContentType, d.Sha256, d.Size,
            d.UploadedBy, d.On, recordedAt, canOpen);
    }
}
