using System.Security.Cryptography;
using System.Text;
using CaseTracker.Domain.Cases;

namespace CaseTracker.Letters;

/// <summary>
/// A letter as the layout prints it: title, 文号, paragraphs (the first, ending in "：", is the addressee), agency, date.
/// As stored (<see cref="LetterRenderer"/>), personal data are placeholders; <see cref="For"/> fills them per viewer.
/// </summary>
public sealed record RenderedLetter(LetterKind Kind, string Title, string Number, IReadOnlyList<string> Paragraphs, string Agency, string Date)
{
    /// <summary>The letter as plain text, one line per element: what the content hash is taken of and what tests compare.</summary>
    public string Text => string.Join("\n", new[] { Title, Number }.Concat(Paragraphs).Concat([Agency, Date]));

    /// <summary>SHA-256 of <see cref="Text"/> (UTF-8), lower-case hex.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    public RenderedLetter For(PersonalData? applicant, bool visible) => this with
    {
        Title = PersonalFields.Fill(Title, applicant, visible),
        Paragraphs = Paragraphs.Select(p => PersonalFields.Fill(p, applicant, visible)).ToList(),
    };
}
