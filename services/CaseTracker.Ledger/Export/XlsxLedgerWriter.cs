using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CaseTracker.Ledger.Export;

/// <summary>
/// One sheet streamed straight into the zip: a bold header row frozen at the top, dates as real date cells (number
/// format yyyy-mm-dd), whole numbers as numbers, everything else as inline strings. Written by hand rather than
/// through the OpenXml package API, which buffers the whole workbook in memory (≈600 MB for 100,000 rows).
/// </summary>
public static class XlsxLedgerWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string BoldStyle = "1";
    private const string DateStyle = "2";

    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> header, IEnumerable<IEnumerable<LedgerValue>> rows)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Entry(zip, "[Content_Types].xml", XlsxPackageParts.ContentTypes);
        Entry(zip, "_rels/.rels", XlsxPackageParts.PackageRelationships);
        Entry(zip, "xl/workbook.xml", XlsxPackageParts.Workbook(sheetName));
        Entry(zip, "xl/_rels/workbook.xml.rels", XlsxPackageParts.WorkbookRelationships);
        Entry(zip, "xl/styles.xml", XlsxPackageParts.Styles);
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(sheet, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize });
        WriteSheet(xml, header, rows);
    }

    private static void WriteSheet(XmlWriter xml, IReadOnlyList<string> header, IEnumerable<IEnumerable<LedgerValue>> rows)
    {
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", Main);
        xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + $"<cols><col min=\"1\" max=\"{header.Count}\" width=\"14\" customWidth=\"1\"/></cols>");
        xml.WriteStartElement("sheetData", Main);
        var columns = Enumerable.Range(0, header.Count).Select(ColumnName).ToArray();
        var markup = new Markup();
        WriteRow(xml, markup, 1, columns, header.Select(h => new LedgerValue(h)), BoldStyle);
        var number = 1;
        foreach (var row in rows)
        {
            WriteRow(xml, markup, ++number, columns, row, null);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// A row's markup written as text (the row, cell and value tags need no escaping: fixed names, cell references and
    /// numbers), only the cells' own text through <see cref="XmlWriter.WriteString"/>; the same XML the element and
    /// attribute calls wrote, at a fraction of their cost (issue 14: the writer was a quarter of the export's samples).
    /// </summary>
    private static void WriteRow(XmlWriter xml, Markup markup, int number, string[] columns, IEnumerable<LedgerValue> values, string? style)
    {
        Span<char> digits = stackalloc char[11];
        number.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        var r = digits[..length];
        var text = markup.Text;
        text.Append("<row r=\"").Append(r).Append("\">");
        var i = 0;
        foreach (var value in values)
        {
            var column = columns[Math.Min(i++, columns.Length - 1)];
            if (value.Text.Length == 0 && style is null)
            {
                continue;
            }

            text.Append("<c r=\"").Append(column).Append(r).Append('"');
            if (value.Date is { } date)
            {
                // The date's serial number (days since 1899-12-30), as DateTime.ToOADate gives it for midnight.
                text.Append(" s=\"").Append(DateStyle).Append("\"><v>").Append(CultureInfo.InvariantCulture, $"{date.DayNumber - OaEpoch.DayNumber}</v></c>");
            }
            else if (value.Number is { } whole)
            {
                text.Append(CultureInfo.InvariantCulture, $"><v>{whole}</v></c>");
            }
            else
            {
                if (style is not null)
                {
                    text.Append(" s=\"").Append(style).Append('"');
                }

                text.Append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                markup.WriteTo(xml);
                xml.WriteString(XmlSafe(value.Text));
                text.Append("</t></is></c>");
            }
        }

        text.Append("</row>");
        markup.WriteTo(xml);
    }

    /// <summary>Markup gathered for <see cref="XmlWriter.WriteRaw(char[], int, int)"/>, its buffers reused row after row.</summary>
    private sealed class Markup
    {
        private readonly StringBuilder _text = new(1024);
        private char[] _buffer = new char[1024];

        public StringBuilder Text => _text;

        public void WriteTo(XmlWriter xml)
        {
            if (_buffer.Length < _text.Length)
            {
                _buffer = new char[_text.Length * 2];
            }

            var length = _text.Length;
            _text.CopyTo(0, _buffer, length);
            _text.Clear();
            xml.WriteRaw(_buffer, 0, length);
        }
    }

    private static readonly DateOnly OaEpoch = new(1899, 12, 30);

    /// <summary>XML 1.0 cannot carry most control characters; they are dropped (a spreadsheet cannot show them anyway).</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Concat(text.Where(x => XmlConvert.IsXmlChar(x) || char.IsSurrogate(x)));
            }
        }

        return text;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
