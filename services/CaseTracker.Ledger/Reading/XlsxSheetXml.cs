using System.Text;
using System.Xml;

namespace CaseTracker.Ledger.Reading;

/// <summary>
/// The SpreadsheetML of a worksheet and of the shared strings, read with a forward-only XmlReader: no DOM per row.
/// Elements are matched by local name, so both transitional and strict namespaces read.
/// </summary>
internal static class XlsxSheetXml
{
    public sealed record CellXml(string? Reference, string? Type, string? Style, string Value, string? InlineText);

    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    /// <summary>The rows of a worksheet: the row number attribute (if any) and its cells.</summary>
    public static IEnumerable<(int? Number, List<CellXml> Cells)> Rows(XmlReader xml)
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
                        cells.Add(Cell(xml));
                    }
                }
            }

            yield return (number, cells);
        }
    }

    /// <summary>Every &lt;si&gt; of the shared strings part, its text runs joined (phonetic runs left out).</summary>
    public static IEnumerable<string> SharedStrings(XmlReader xml)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                yield return xml.IsEmptyElement ? "" : Text(xml);
            }
        }
    }

    /// <summary>One &lt;c&gt;, leaving the reader on its end.</summary>
    private static CellXml Cell(XmlReader xml)
    {
        var reference = xml.GetAttribute("r");
        var type = xml.GetAttribute("t");
        var style = xml.GetAttribute("s");
        var value = "";
        string? inline = null;
        if (xml.IsEmptyElement)
        {
            return new CellXml(reference, type, style, value, inline);
        }

        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                value = xml.ReadElementContentAsString();
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is" && !xml.IsEmptyElement)
            {
                inline = Text(xml);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                inline = "";
            }

            xml.Read();
        }

        return new CellXml(reference, type, style, value, inline);
    }

    /// <summary>The text of the &lt;t&gt; elements under the current element (not under &lt;rPh&gt;), leaving the reader on its end.</summary>
    private static string Text(XmlReader xml)
    {
        var text = new StringBuilder();
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
                text.Append(xml.Value);
            }
        }

        return text.ToString();
    }
}
