using System.Security.Cryptography;

namespace CaseTracker.Portal;

/// <summary>
/// The applicant's 查询码: 20 characters of Crockford's base-32 (100 random bits from the system's CSPRNG), shown in
/// groups of five. Guessing one is hopeless (2^100), and every lookup also needs the phone's last four digits and is
/// rate-limited.
/// </summary>
public static class QueryCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 20;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>The code as typed (any case, dashes, spaces, O for 0, I/L for 1); null when it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 40)
        {
            return null;
        }

        var chars = new List<char>(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var mapped = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Add(mapped);
        }

        return chars.Count == Length ? new string([.. chars]) : null;
    }

    /// <summary>XXXXX-XXXXX-XXXXX-XXXXX.</summary>
    public static string Display(string code) => string.Join("-", Enumerable.Range(0, Length / 5).Select(i => code.Substring(i * 5, 5)));
}
