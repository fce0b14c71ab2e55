namespace CaseTracker.Ledger.Reading;

/// <summary>
/// Hard limits on what reading a ledger file may hold or unpack, so that a hostile or broken file is refused in bounded
/// memory (issue 16, finding 3). Documented in FORMAT.md ("Limits").
/// </summary>
public sealed record LedgerReadLimits
{
    public static LedgerReadLimits Default { get; } = new();

    /// <summary>The largest cell, in characters: a bigger cell is not kept (the row is refused, the file read on).</summary>
    public int MaxCellLength { get; init; } = 32 * 1024;

    /// <summary>The most characters one row may have in all its cells together; more and the file is refused.</summary>
    public int MaxRowLength { get; init; } = 1024 * 1024;

    /// <summary>The most rows a file may have (Excel's own sheet limit); more and the file is refused.</summary>
    public int MaxRows { get; init; } = 1_048_576;

    /// <summary>XLSX: the most bytes all the workbook's parts may unpack to (the ZIP's sizes and the bytes actually read).</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>XLSX: the most bytes a part read as a whole (workbook, styles) may unpack to.</summary>
    public long MaxSmallPartBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>XLSX: the most characters the shared strings kept in memory may have together.</summary>
    public long MaxSharedStringChars { get; init; } = 64L * 1024 * 1024;

    /// <summary>XLSX: the longest XML tag (element name and attributes) in the parts read as a stream.</summary>
    public int MaxMarkupBytes { get; init; } = 64 * 1024;

    /// <summary>XLSX: the most entries the ZIP may have.</summary>
    public int MaxEntries { get; init; } = 10_000;

    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
