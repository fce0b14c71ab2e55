namespace CaseTracker.Ledger.Export;

/// <summary>The ledger of a list of cases (already filtered by the caller: agency, status, overdue, as-of date).</summary>
public static class LedgerExport
{
    public const string SheetName = "依申请公开台账";

    public static void WriteCsv(Stream stream, IEnumerable<LedgerExportRow> rows) =>
        CsvLedgerWriter.Write(stream, LedgerExportRow.Columns, rows.Select(r => r.Values.Select(v => v.Text)));

    public static void WriteXlsx(Stream stream, IEnumerable<LedgerExportRow> rows) =>
        XlsxLedgerWriter.Write(stream, SheetName, LedgerExportRow.Columns, rows.Select(r => r.Values));

    public static void WriteJson(Stream stream, IEnumerable<LedgerExportRow> rows) =>
        JsonLedgerWriter.Write(stream, LedgerExportRow.Columns, rows.Select(r => r.Values));
}
