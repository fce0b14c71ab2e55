using System.IO.Compression;
using CaseTracker.Pipeline;

namespace CaseTracker.Documents;

/// <summary>A type of document the case file accepts, recognised by its content; the file's extension must agree.</summary>
public sealed record DocumentType(string Label, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// What a file is, judged from its bytes (never only its name), and whether a ZIP-based one (DOCX, XLSX, OFD, ZIP) is safe
/// to keep: not too many entries, not more unpacked bytes than the limit, counted while really unpacking (a ZIP's
/// directory can lie). Every refusal is a <see cref="UserError"/> on the field <c>file</c>, in Chinese, naming the rule.
/// </summary>
public static class DocumentTypes
{
    public static readonly DocumentType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly DocumentType Jpeg = new("JPEG图片", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly DocumentType Png = new("PNG图片", "image/png", [".png"]);
    public static readonly DocumentType Tiff = new("TIFF图片", "image/tiff", [".tif", ".tiff"]);
    public static readonly DocumentType Docx = new("Word文档（.docx）", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly DocumentType Xlsx = new("Excel工作簿（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly DocumentType Ofd = new("OFD版式文件", "application/ofd", [".ofd"]);
    public static readonly DocumentType Zip = new("ZIP压缩包", "application/zip", [".zip"]);

    public static readonly IReadOnlyList<DocumentType> All = [Pdf, Jpeg, Png, Tiff, Docx, Xlsx, Ofd, Zip];

    public static string Accepted => string.Join("、", All.Select(t => $"{t.Label}（{string.Join("/", t.Extensions)}）"));

    /// <summary>The type of the file at <paramref name="path"/>, checked against <paramref name="fileName"/>'s extension.</summary>
    public static DocumentType Check(string path, string fileName, DocumentSettings settings)
    {
        var head = new byte[8];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var type = Sniff(head.AsSpan(0, read)) switch
        {
            { } zip when zip == Zip => Package(path, settings),
            { } known => known,
            null => throw new UserError("file", $"文件：内容不是可接受的文件类型（按文件内容识别，不看扩展名）。可接受：{Accepted}。"
                + (IsOle(head.AsSpan(0, read)) ? "旧版Word/Excel（.doc/.xls）文件请另存为PDF或.docx/.xlsx后上传。" : "")),
        };
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!type.Extensions.Contains(extension))
        {
            throw new UserError("file", $"文件：内容是{type.Label}，与文件扩展名“{(extension.Length == 0 ? "（无）" : extension)}”不符；"
                + $"请使用扩展名 {string.Join(" 或 ", type.Extensions)}，或上传真正的对应文件。");
        }

        return type;
    }

    private static DocumentType? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => Pdf,
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A] => Png,
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => Tiff,
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => Zip,
        _ => null,
    };

    private static bool IsOle(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]);

    /// <summary>A ZIP: which package it is (DOCX, XLSX, OFD or a plain archive), once it has been unpacked within the limits.</summary>
    private static DocumentType Package(string path, DocumentSettings settings)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > settings.MaxEntries)
            {
                throw new UserError("file", $"文件：压缩包内有 {zip.Entries.Count} 个文件，超过上限 {settings.MaxEntries} 个。");
            }

            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > settings.MaxUnpackedBytes)
            {
                throw Bomb(settings);
            }

            var unpacked = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                int n;
                while ((n = content.Read(buffer)) > 0)
                {
                    unpacked += n;
                    if (unpacked > settings.MaxUnpackedBytes)
                    {
                        throw Bomb(settings);
                    }
                }
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") ? Docx
                : names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml") ? Xlsx
                : names.Contains("OFD.xml") ? Ofd
                : Zip;
        }
        catch (Exception error) when (error is InvalidDataException or NotSupportedException or IOException)
        {
            throw new UserError("file", "文件：看起来是ZIP格式（DOCX/XLSX/OFD/ZIP）但已损坏、加密或无法解压，未保存。");
        }
    }

    private static UserError Bomb(DocumentSettings settings) =>
        new("file", $"文件：解压后超过 {DocumentSizes.Show(settings.MaxUnpackedBytes)}（疑似压缩炸弹），未保存。");
}
