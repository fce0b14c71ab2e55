using System.Security.Cryptography;
using System.Text;
using CaseTracker.Domain.Cases;

namespace CaseTracker.Domain.Applicants;

/// <summary>Which identifier of an applicant a keyed hash stands for. The stored names are <see cref="ApplicantKeys.KindName"/>.</summary>
public enum ApplicantKeyKind
{
    Name,
    IdNumber,
    Phone,
}

/// <summary>The keyed hash of one normalised identifier (lower-case hex of HMAC-SHA-256).</summary>
public sealed record ApplicantKey(ApplicantKeyKind Kind, string Hash);

/// <summary>
/// Keyed hashes of an applicant's normalised name, ID number and phone (个人信息保护法第五十一条: de-identified lookup):
/// what the search and the per-applicant counts match on, so that nothing personal is kept in clear. Without the key a
/// hash cannot be recomputed from a guessed ID number or phone. Two spellings of one value (full-width digits, spaces,
/// a lower-case x, +86) give the same hash.
/// </summary>
public sealed class ApplicantKeys
{
    /// <summary>One HMAC kept keyed for every hash (a fresh one per call set the key up again each time: most of a rebuild's hashing); locked, as hashing is shared.</summary>
    private readonly IncrementalHash _hmac;

    public ApplicantKeys(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("申请人标识的散列密钥至少 32 字节。", nameof(key));
        }

        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public static string KindName(ApplicantKeyKind kind) => kind switch
    {
        ApplicantKeyKind.Name => "name",
        ApplicantKeyKind.IdNumber => "id",
        ApplicantKeyKind.Phone => "phone",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The keyed hash of a value as typed, or null when nothing is left after normalising.</summary>
    public string? Hash(ApplicantKeyKind kind, string? value)
    {
        var normal = Normalise(kind, value);
        if (normal.Length == 0)
        {
            return null;
        }

        // The kind's name, U+001F and the value, in UTF-8 (built in place: no string or array of them per hash).
        var name = KindName(kind);
        var size = name.Length + 1 + Encoding.UTF8.GetMaxByteCount(normal.Length);
        var rented = size > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(size) : null;
        var data = rented ?? stackalloc byte[512];
        var length = Encoding.UTF8.GetBytes(name, data);
        data[length++] = 0x1F;
        length += Encoding.UTF8.GetBytes(normal, data[length..]);
        Span<byte> mac = stackalloc byte[32];
        lock (_hmac)
        {
            _hmac.AppendData(data[..length]);
            _hmac.GetHashAndReset(mac);
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(mac);
    }

    /// <summary>The hashes of every identifier the applicant gave; none for erased data.</summary>
    public IReadOnlyList<ApplicantKey> Of(PersonalData? applicant)
    {
        if (applicant is null || IsErased(applicant))
        {
            return [];
        }

        var keys = new List<ApplicantKey>(3);
        Add(ApplicantKeyKind.Name, applicant.Name);
        Add(ApplicantKeyKind.IdNumber, applicant.IdNumber);
        Add(ApplicantKeyKind.Phone, applicant.Phone);
        return keys;

        void Add(ApplicantKeyKind kind, string? value)
        {
            if (Hash(kind, value) is { } hash)
            {
                keys.Add(new ApplicantKey(kind, hash));
            }
        }
    }

    /// <summary>Equal to <see cref="PersonalData.Erased"/> of its subject (compared field by field: no record made to compare with).</summary>
    private static bool IsErased(PersonalData applicant)
    {
        var erased = ErasedShape;
        return applicant.Name == erased.Name && applicant.IdNumber == erased.IdNumber && applicant.Phone == erased.Phone && applicant.Address == erased.Address;
    }

    private static readonly PersonalData ErasedShape = PersonalData.Erased(Guid.Empty);

    /// <summary>
    /// Name: NFKC, no white space, upper case, one middle dot (·) for its look-alikes. ID number: NFKC, letters and
    /// digits only, upper case (the check character X). Phone: digits only, without a leading 86 / 0086 country code on
    /// an 11-digit mobile number.
    /// </summary>
    public static string Normalise(ApplicantKeyKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var text = value.Normalize(NormalizationForm.FormKC);
        switch (kind)
        {
            case ApplicantKeyKind.Name:
                var name = new StringBuilder(text.Length);
                foreach (var c in text)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        continue;
                    }

                    name.Append(c is '•' or '‧' or '・' or '･' or '∙' or '⋅' or '.' ? '·' : char.ToUpperInvariant(c));
                }

                return name.ToString();
            case ApplicantKeyKind.IdNumber:
                return string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
            case ApplicantKeyKind.Phone:
                var digits = string.Concat(text.Where(char.IsAsciiDigit));
                return digits switch
                {
                    { Length: 15 } when digits.StartsWith("0086", StringComparison.Ordinal) && digits[4] == '1' => digits[4..],
                    { Length: 13 } when digits.StartsWith("86", StringComparison.Ordinal) && digits[2] == '1' => digits[2..],
                    _ => digits,
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind.ToString());
        }
    }
}
