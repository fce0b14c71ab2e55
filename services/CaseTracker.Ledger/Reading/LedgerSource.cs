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

    public static IEnumerable<RawRow> Rows(Stream stream, LedgerFormat format, int maxCellLength)
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
            return Guarded(XlsxRecordReader.Read(stream, maxCellLength));
        }

        if (EncodingCheck.Check(sample.AsSpan(0, read), complete: read < sample.Length) is { } problem)
        {
            throw new LedgerReadException(problem);
        }

        return CsvRecordReader.Read(stream, maxCellLength);
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
