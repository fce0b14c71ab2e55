using System.Security.Cryptography;
using System.Text;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// Deterministic identities, so that importing the same ledger twice names the same case and the same applicant:
/// name-based UUIDs in the manner of RFC 9562 v5, with SHA-256 in place of SHA-1.
/// </summary>
public static class LedgerIds
{
    private static readonly byte[] Namespace = Guid.Parse("6f1c7c2e-6c55-4e8e-9d0a-1b7d1c2a4c11").ToByteArray(bigEndian: true);

    /// <summary>The case of 办理机关 + 编号 (unique within the agency).</summary>
    public static Guid CaseId(string agency, string number) => NameBased($"case\n{agency.Trim()}\n{number.Trim()}");

    /// <summary>
    /// The personal-data subject: one per 证件号码 within an agency (the same person across that agency's cases, so that
    /// erasing them is one key); without an ID number, one per case.
    /// </summary>
    public static Guid SubjectId(string agency, string number, string? idNumber) =>
        string.IsNullOrWhiteSpace(idNumber)
            ? NameBased($"subject-case\n{agency.Trim()}\n{number.Trim()}")
            : NameBased($"subject-id\n{agency.Trim()}\n{idNumber.Trim()}");

    private static Guid NameBased(string name)
    {
        // The namespace and the name's UTF-8 bytes hashed from one buffer on the stack (a long name from a pooled one).
        var length = Namespace.Length + Encoding.UTF8.GetByteCount(name);
        byte[]? rented = null;
        var input = length <= 512 ? stackalloc byte[length] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            Namespace.CopyTo(input);
            Encoding.UTF8.GetBytes(name, input[Namespace.Length..]);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(input, hash);
            var bytes = hash[..16];
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
