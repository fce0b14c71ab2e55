using System.Text;
using System.Xml;

namespace CaseTracker.Ledger.Reading;

/// <summary>
/// The SpreadsheetML of a worksheet and of the shared strings, read with a forward-only XmlReader: no DOM per row.
/// Elements are matched by local name, so both transitional and strict namespaces read. Text is read in chunks and never
/// kept beyond the cell limit, however long it is in the file.
/// </summary>
internal static class XlsxSheetXml
{
    /// <summary>One &lt;c&gt;; <paramref name="TooLong"/>: its value or inline text was over the cell limit and is not kept.</summary>
    public sealed record CellXml(string? Reference, string? Type, string? Style, string Value, string? InlineText, bool TooLong = false);

    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    /// <summary>The rows of a worksheet: the row number attribute (if any) and its cells.</summary>
    public static IEnumerable<(int? Number, List<CellXml> Cells)> Rows(XmlReader xml, int maxCellLength)
    {
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            int? number = int.TryParse(xml.GetAttribute("r"), out var r) && r > 0 ? r : null;
            var cells = new List<CellXml>();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
                    {
                        cells.Add(Cell(xml, maxCellLength));
                    }
                }
            }

            yield return (number, cells);
        }
    }

    /// <summary>Every &lt;si&gt; of the shared strings part, its text runs joined (phonetic runs left out); null when over the limit.</summary>
    public static IEnumerable<string?> SharedStrings(XmlReader xml, int maxCellLength)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                yield return xml.IsEmptyElement ? "" : Text(xml, maxCellLength);
            }
        }
    }

    /// <summary>One &lt;c&gt;, leaving the reader on its end.</summary>
    private static CellXml Cell(XmlReader xml, int maxCellLength)
    {
        var reference = xml.GetAttribute("r");
        var type = xml.GetAttribute("t");
        var style = xml.GetAttribute("s");
        var value = "";
        string? inline = null;
        var tooLong = false;
        if (xml.IsEmptyElement)
        {
            return new CellXml(reference, type, style, value, inline);
        }

        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v" && !xml.IsEmptyElement)
            {
                var v = Content(xml, maxCellLength);
                value = v ?? "";
                tooLong |= v is null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is" && !xml.IsEmptyElement)
            {
                inline = Text(xml, maxCellLength);
                tooLong |= inline is null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                inline = "";
            }

            xml.Read();
        }

        return new CellXml(reference, type, style, value, inline, tooLong);
    }

    /// <summary>The text directly inside the current element, read in chunks; null when over the limit (then not kept).</summary>
    private static string? Content(XmlReader xml, int max)
    {
        var text = new StringBuilder();
        var tooLong = false;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                tooLong |= !AppendChunked(xml, text, max);
            }
        }

        return tooLong ? null : text.ToString();
    }

    /// <summary>
    /// Appends the current text node without ever holding more than <paramref name="max"/> characters of it (XmlReader's
    /// Value would materialise a text node of any size); false when the text went over the limit.
    /// </summary>
    private static bool AppendChunked(XmlReader xml, StringBuilder text, int max)
    {
        if (!xml.CanReadValueChunk)
        {
            var value = xml.Value;
            if (text.Length + value.Length > max)
            {
                return false;
            }

            text.Append(value);
            return true;
        }

        var buffer = new char[4096];
        var fits = true;
        int read;
        while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            if (fits && text.Length + read <= max)
            {
                text.Append(buffer, 0, read);
            }
            else
            {
                fits = false;
            }
        }

        return fits;
    }

    /// <summary>The text of the &lt;t&gt; elements under the current element (not under &lt;rPh&gt;), leaving the reader on its end.</summary>
    private static string? Text(XmlReader xml, int max)
    {
        var text = new StringBuilder();
        var fits = true;
        var depth = xml.Depth;
        var phonetic = -1;
        var inText = -1;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement)
            {
                if (xml.LocalName == "rPh" && phonetic < 0)
                {
                    phonetic = xml.Depth;
                }
                else if (xml.LocalName == "t" && phonetic < 0)
                {
                    inText = xml.Depth;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                phonetic = xml.Depth == phonetic ? -1 : phonetic;
                inText = xml.Depth == inText ? -1 : inText;
            }
            else if (inText >= 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                fits &= AppendChunked(xml, text, fits ? max : 0);
            }
        }

        return fits ? text.ToString() : null;
    }
}
