using System.Globalization;
using CaseTracker.Composition;

namespace CaseTracker.Documents;

/// <summary>
/// The operator's limits on uploaded documents (environment variables; see Web/README.md, "案卷附件"):
/// <c>CASETRACKER_DOCUMENT_MAX_MB</c> (default 20), <c>CASETRACKER_DOCUMENT_MAX_UNPACKED_MB</c> (what a DOCX/XLSX/OFD/ZIP
/// may unpack to, default 200), <c>CASETRACKER_DOCUMENT_DIR</c> (SQLite only: where the files go; default a directory
/// next to the database file, <c>&lt;database&gt;.documents</c>).
/// </summary>
public sealed record DocumentSettings(long MaxBytes, long MaxUnpackedBytes, int MaxEntries, string? Directory)
{
    public const string MaxVariable = "CASETRACKER_DOCUMENT_MAX_MB";
    public const string MaxUnpackedVariable = "CASETRACKER_DOCUMENT_MAX_UNPACKED_MB";
    public const string DirectoryVariable = "CASETRACKER_DOCUMENT_DIR";

    public static DocumentSettings Default { get; } = new(20L * 1024 * 1024, 200L * 1024 * 1024, 10_000, null);

    public static DocumentSettings From(IConfiguration configuration) => new(
        Megabytes(configuration, MaxVariable, 20, 1024),
        Megabytes(configuration, MaxUnpackedVariable, 200, 4096),
        Default.MaxEntries,
        string.IsNullOrWhiteSpace(configuration[DirectoryVariable]) ? null : configuration[DirectoryVariable]);

    /// <summary>Where the files of a SQLite store go: the setting, else <c>&lt;database file&gt;.documents</c> beside it.</summary>
    public string DirectoryFor(StoreLocation store) =>
        Directory ?? Path.GetFullPath(store.Target) + ".documents";

    private static long Megabytes(IConfiguration configuration, string name, int fallback, int max)
    {
        var text = configuration[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback * 1024L * 1024;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 && mb <= max
            ? mb * 1024L * 1024
            : throw new Pipeline.UserError(name, $"{name}：“{text}”无效，应为 1 到 {max} 之间的整数（MB）。");
    }
}

public static class DocumentSizes
{
    public static string Show(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
