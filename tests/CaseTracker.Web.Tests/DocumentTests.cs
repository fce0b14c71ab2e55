using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseTracker.Documents;
using CaseTracker.EventStore.Sql;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// Issue 10, item 6: the documents of a case file over the real host (SQLite here; <see cref="Postgres.PostgresDocumentTests"/>
/// runs them on PostgreSQL): content-addressed, never overwritten, an event in the timeline, limits and hostile files
/// refused with the field named, personal-data kinds opened only by those who see personal data.
/// </summary>
[Collection(HostCollection.Name)]
public class DocumentTests(HostFixture host)
{
    /// <summary>A small but real PDF header: the sniffing looks at the bytes, not the name.</summary>
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    [Fact]
    public async Task An_upload_is_stored_by_its_hash_listed_downloadable_and_in_the_timeline_and_a_second_upload_is_a_new_event_on_the_same_blob()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        var content = Pdf.Concat(Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())).ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var first = await api.SendAsync(Upload(id, "DisclosedFile", "公开的信息.pdf", content));
        var second = await api.SendAsync(Upload(id, "其他材料", "再次上传.pdf", content));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var one = await Json(first);
        var two = await Json(second);
        Assert.Equal(sha, one.Str("sha256"));
        Assert.Equal(sha, two.Str("sha256"));
        Assert.NotEqual(one.Str("documentId"), two.Str("documentId"));
        Assert.Equal(content.Length, one.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", one.Str("contentType"));
        Assert.Equal("cw-edu", one.Str("uploadedBy"));

        var download = await api.GetAsync($"/api/cases/{id}/documents/{one.Str("documentId")}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var list = await Json(await api.GetAsync($"/api/cases/{id}/documents"));
        Assert.Equal(["公开的信息.pdf", "再次上传.pdf"], list.EnumerateArray().Select(d => d.Str("fileName") ?? "").ToList());
        var milestones = (await api.GetCaseAsync(id)).GetProperty("milestones").EnumerateArray().Select(m => m.Str("title")).ToList();
        Assert.Equal(["收到申请", "上传附件", "上传附件"], milestones.Select(m => m ?? ""));
        Assert.Equal(1, await BlobCountAsync(sha));
        if (host.Services.GetRequiredService<DocumentBlobs>() is FileDocumentBlobs files)
        {
            Assert.Equal(host.DatabasePath + ".documents", files.Directory);
            Assert.Equal(content, await System.IO.File.ReadAllBytesAsync(Path.Combine(files.Directory, sha[..2], sha)));
        }
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "text", "申请表.pdf", "内容不是可接受的文件类型" },
        { "png", "身份证.pdf", "内容是PNG图片，与文件扩展名“.pdf”不符" },
        { "empty", "空.pdf", "是空的" },
        { "oversized", "大文件.pdf", "超过 20 MB 的上限" },
        { "bomb", "炸弹.docx", "疑似压缩炸弹" },
        { "old-word", "旧文档.doc", "另存为PDF" },
        { "nul-name", "a\u0000b.pdf", "U+0000" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_file_is_a_400_naming_the_field_and_nothing_is_written(string what, string fileName, string message)
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        var content = Hostile(what);

        var response = await api.SendAsync(Upload(id, "ApplicationForm", fileName, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("file", problem.Str("field"));
        Assert.Contains(message, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
        Assert.Equal(0, await BlobCountAsync(Convert.ToHexStringLower(SHA256.HashData(content))));
    }

    [Fact]
    public async Task A_missing_or_unknown_kind_is_a_400_on_kind()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);

        var response = await api.SendAsync(Upload(id, "Selfie", "a.pdf", Pdf));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("kind", (await response.ProblemAsync()).Str("field"));
    }

    [Fact]
    public async Task An_ID_copy_is_opened_only_by_those_who_see_personal_data_and_listed_without_its_name_to_the_others()
    {
        using var caseworker = host.Api("cw-edu");
        var (id, _) = await caseworker.ReceiveAsync(Education);
        var created = await Json(await caseworker.SendAsync(Upload(id, "IdCopy", "张三身份证.png", Png)));
        var document = created.Str("documentId");

        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync($"/api/cases/{id}/documents/{document}")).StatusCode);
        foreach (var user in new[] { "legal-edu", "auditor-edu", "auditor-all" })
        {
            using var other = host.Api(user);
            var listed = (await Json(await other.GetAsync($"/api/cases/{id}/documents"))).EnumerateArray().Single();
            Assert.Null(listed.Str("fileName"));
            Assert.False(listed.GetProperty("canOpen").GetBoolean());
            var refused = await other.GetAsync($"/api/cases/{id}/documents/{document}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("个人信息", (await refused.ProblemAsync()).Str("detail"), StringComparison.Ordinal);
        }

        using var elsewhere = host.Api("cw-health");
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/api/cases/{id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.SendAsync(Upload(id, "Other", "x.pdf", Pdf))).StatusCode);
    }

    [Fact]
    public async Task The_case_page_uploads_through_its_form_and_shows_the_document_and_the_timeline_entry()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");
        Assert.Contains($"action=\"/cases/{id}/documents\" enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormClient.Token(page)), "__RequestVerificationToken" },
            { new StringContent("ThirdPartyReply"), "kind" },
            { File("第三方回复.pdf", Pdf), "file", "第三方回复.pdf" },
        };
        var posted = await browser.Http.PostAsync($"/cases/{id}/documents", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/cases/{id}?done=document#documents", posted.Headers.Location?.OriginalString);

        var after = await browser.GetPageAsync($"/cases/{id}?done=document");
        Assert.Contains("已上传材料", after, StringComparison.Ordinal);
        Assert.Contains("上传附件", after, StringComparison.Ordinal);
        Assert.Contains("第三方意见“第三方回复.pdf”", after, StringComparison.Ordinal);
        Assert.Contains(">第三方回复.pdf</a>", after, StringComparison.Ordinal);

        using var forged = new MultipartFormDataContent { { new StringContent("Other"), "kind" }, { File("x.pdf", Pdf), "file", "x.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.PostAsync($"/cases/{id}/documents", forged)).StatusCode);
        Assert.Equal(2, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    /// <summary>The multipart body written by hand (HttpClient refuses control characters in a file name), the name as RFC 5987.</summary>
    private static HttpRequestMessage Upload(Guid id, string kind, string fileName, byte[] content)
    {
        const string boundary = "----casetracker-test";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        var body = new ByteArrayContent([.. head, .. content, .. tail]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/documents") { Content = body };
    }

    private static ByteArrayContent File(string fileName, byte[] content)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return part;
    }

    private static byte[] Hostile(string what) => what switch
    {
        "text" => Encoding.UTF8.GetBytes("这不是PDF，只是文本。" + Guid.NewGuid()),
        "png" => [.. Png, .. Guid.NewGuid().ToByteArray()],
        "empty" => [],
        "oversized" => [.. Pdf, .. new byte[(20 * 1024 * 1024) + 1]],
        "bomb" => Bomb(),
        "old-word" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Guid.NewGuid().ToByteArray()],
        _ => [.. Pdf, .. Guid.NewGuid().ToByteArray()],
    };

    /// <summary>A DOCX whose document part unpacks to 201 MB of zeros (a few hundred KB packed).</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 201; i++)
            {
                document.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<long> BlobCountAsync(string sha)
    {
        await using var connection = await host.Services.GetRequiredService<SqlEventStore>().OpenConnectionAsync(default);
        return Convert.ToInt64(await connection.ScalarAsync(null, "SELECT count(*) FROM document_blobs WHERE sha256 = @sha", default, ("sha", (object?)sha)),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
