using System.Security.Cryptography;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Text;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using Mediator;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Documents;

/// <summary>
/// Adding a document to a case file, whatever the door (form, API): the content is copied to a temporary file while its
/// SHA-256 is computed and its size capped, recognised by its bytes, unpacked within limits when it is a ZIP, stored once
/// by its hash, and then recorded as an event of the case (case.document-attached), so the timeline shows it.
/// Nothing is overwritten: the same content again is the same blob, and a new event.
/// </summary>
public sealed class DocumentUpload(DocumentBlobs blobs, DocumentSettings settings, IEventStore store, IMediator mediator, RequestContext context,
    TimeProvider time)
{
    public const int MaxFileNameLength = 200;

    public async Task<(DocumentAttached Document, long Version)> AttachAsync(
        Guid caseId, DocumentKind kind, string? fileName, Stream content, CancellationToken ct)
    {
        var file = await CaseFile.LoadAsync(store, caseId, context.Access, ct);
        if (!context.Access.CanRecord(file.Agency))
        {
            throw new ForbiddenException($"您无权为“{file.Agency}”的案件上传材料。");
        }

        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            throw new UserError("file", "文件：必须选择一个文件（文件名不能为空）。");
        }

        if (name.Length > MaxFileNameLength)
        {
            throw new UserError("file", $"文件：文件名最长 {MaxFileNameLength} 个字符（现为 {name.Length} 个）。");
        }

        if (TextRules.Check("文件名", name) is { } control)
        {
            throw new UserError("file", control);
        }

        var temporary = Path.Combine(Path.GetTempPath(), "casetracker-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (sha256, size) = await CopyAsync(content, temporary, ct);
            var type = DocumentTypes.Check(temporary, name, settings);
            await blobs.PutAsync(sha256, temporary, size, type.ContentType, ct);
            var command = new CaseCommand.AttachDocument(Guid.NewGuid(), kind, name, type.ContentType, sha256, size, context.Actor, time.Today());
            var change = await mediator.Send(new RecordMilestone(caseId, command), ct);
            return (change.Events.OfType<DocumentAttached>().Single(), change.Version);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The documents of a case, newest last, each with whether this user may open it.</summary>
    public static IReadOnlyList<(DocumentAttached Document, EventEnvelope Envelope)> Of(CaseFile file) =>
        file.Events.Where(e => e.Event is DocumentAttached).Select(e => ((DocumentAttached)e.Event, e)).ToList();

    /// <summary>A document of the case, if this user may open it (personal-data kinds only for those who see personal data).</summary>
    public async Task<(DocumentAttached Document, Stream Content)> OpenAsync(Guid caseId, Guid documentId, bool seesPersonalData, CancellationToken ct)
    {
        var file = await CaseFile.LoadAsync(store, caseId, context.Access, ct);
        var document = Of(file).Select(d => d.Document).FirstOrDefault(d => d.DocumentId == documentId)
            ?? throw new NotFoundException("本案没有这份材料。");
        if (document.Kind.HoldsPersonalData() && file.State.Erasure is { } erased)
        {
            throw new NotFoundException($"{document.Kind.Label()}含有申请人个人信息，已随个人信息于 {erased.On:yyyy-MM-dd} 删除，不再提供。");
        }

        if (document.Kind.HoldsPersonalData() && !seesPersonalData)
        {
            throw new ForbiddenException($"{document.Kind.Label()}含有申请人个人信息，只有本机关的承办人和负责人可以查看。");
        }

        var content = await blobs.OpenAsync(document.Sha256, ct)
            ?? throw new NotFoundException($"材料“{document.FileName}”的内容在存储中找不到（SHA-256 {document.Sha256}），请联系系统维护人员。");
        return (document, content);
    }

    private async Task<(string Sha256, long Size)> CopyAsync(Stream content, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var size = 0L;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > settings.MaxBytes)
                {
                    throw new UserError("file", $"文件：超过 {DocumentSizes.Show(settings.MaxBytes)} 的上限，未保存。请压缩或拆分后上传。");
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (size == 0)
        {
            throw new UserError("file", "文件：是空的（0 字节），未保存。");
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
