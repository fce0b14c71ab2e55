using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace CaseTracker.Ledger.Reading;

public enum LedgerFormat
{
    /// <summary>Decide from the first bytes: a ZIP signature is XLSX, anything else CSV.</summary>
    Detect,
    Csv,
    Xlsx,
}

/// <summary>Opens a ledger file as a sequence of rows, refusing what cannot be read, with the reason in Chinese.</summary>
public static class LedgerSource
{
    /// <summary>The compound-file (OLE2) signature of .xls and .et workbooks.</summary>
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static IEnumerable<RawRow> Rows(Stream stream, LedgerFormat format, int maxCellLength) =>
        Rows(stream, format, LedgerReadLimits.Default with { MaxCellLength = maxCellLength });

    public static IEnumerable<RawRow> Rows(Stream stream, LedgerFormat format, LedgerReadLimits limits)
    {
        var start = stream.Position;
        var sample = new byte[EncodingCheck.SampleSize];
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (read == 0)
        {
            throw new LedgerReadException(new(null, null, "文件是空的（0字节），没有表头和数据。"));
        }

        if (read >= 8 && sample.AsSpan(0, 8).SequenceEqual(OleSignature))
        {
            throw new LedgerReadException(new(null, null, "文件是旧版Excel（.xls）或WPS表格（.et）格式，无法导入。"
                + "请在Excel或WPS中另存为“Excel工作簿(*.xlsx)”或“CSV UTF-8（逗号分隔）(*.csv)”后重新导入。"));
        }

        var isZip = read >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4;
        if (format == LedgerFormat.Xlsx || (format == LedgerFormat.Detect && isZip))
        {
            return Counted(Guarded(XlsxRecordReader.Read(stream, limits)), limits);
        }

        if (EncodingCheck.Check(sample.AsSpan(0, read), complete: read < sample.Length) is { } problem)
        {
            throw new LedgerReadException(problem);
        }

        return Counted(CsvRecordReader.Read(stream, limits), limits);
    }

    /// <summary>More rows than a sheet can hold is not a ledger: refused once the limit is passed, whatever follows.</summary>
    private static IEnumerable<RawRow> Counted(IEnumerable<RawRow> rows, LedgerReadLimits limits)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > limits.MaxRows)
            {
                throw new LedgerReadException(new(row.Number, null,
                    $"文件超过 {limits.MaxRows:N0} 行（Excel工作表的行数上限），已拒绝读取。请拆分台账后分批导入。"));
            }

            yield return row;
        }
    }

    /// <summary>A broken workbook can fail anywhere while its XML is read; that is a problem with the file, not a crash.</summary>
    private static IEnumerable<RawRow> Guarded(IEnumerable<RawRow> rows)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            RawRow row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                row = enumerator.Current;
            }
            catch (Exception error) when (error is XmlException or OpenXmlPackageException or InvalidDataException or IOException
                or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException or NotSupportedException)
            {
                throw new LedgerReadException(new(null, null, "无法读取Excel文件：文件不是有效的.xlsx工作簿或已损坏。请用Excel打开后另存为.xlsx，或另存为“CSV UTF-8（逗号分隔）”后导入。"));
            }

            yield return row;
        }
    }
}
