using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseTracker.Letters;

/// <summary>
/// A letter as a Word document in the layout of 党政机关公文格式 (GB/T 9704): A4, title centred in 小标宋 二号, the 文号
/// centred under it, the body in 仿宋 三号 with a two-character first-line indent, the addressee flush left, then space for
/// the seal above the agency and the date, right-aligned.
/// </summary>
public static class LetterDocx
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const int BodySize = 32;
    private const int TitleSize = 44;

    public static byte[] Write(RenderedLetter letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.Title, JustificationValues.Center, TitleFont, TitleSize, spacingAfter: 200));
            body.Append(Paragraph(letter.Number, JustificationValues.Center, BodyFont, BodySize, spacingAfter: 300));
            foreach (var (text, index) in letter.Paragraphs.Select((p, i) => (p, i)))
            {
                var addressee = index == 0 && text.EndsWith('：');
                body.Append(Paragraph(text, JustificationValues.Both, BodyFont, BodySize, firstLineIndent: addressee ? 0 : 2 * BodySize * 10));
            }

            // Space for the seal (印章) above the signature block.
            body.Append(Paragraph("", JustificationValues.Left, BodyFont, BodySize));
            body.Append(Paragraph("", JustificationValues.Left, BodyFont, BodySize));
            body.Append(Paragraph(letter.Agency, JustificationValues.Right, BodyFont, BodySize, rightIndent: 4 * BodySize * 10));
            body.Append(Paragraph(letter.Date, JustificationValues.Right, BodyFont, BodySize, rightIndent: 4 * BodySize * 10));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            document.PackageProperties.Title = letter.Title;
        }

        return stream.ToArray();
    }

    /// <summary>The text of a letter's document, one line per non-empty paragraph (what the golden tests compare).</summary>
    public static string TextOf(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
    }

    private static Paragraph Paragraph(
        string text, JustificationValues justification, string font, int size, int firstLineIndent = 0, int rightIndent = 0, int spacingAfter = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, After = spacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Indentation
            {
                FirstLine = firstLineIndent > 0 ? firstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Right = rightIndent > 0 ? rightIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            },
            new Justification { Val = justification });
        var run = new Run(
            new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }
}
