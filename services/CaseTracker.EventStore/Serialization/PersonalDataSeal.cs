using System.Security.Cryptography;
using System.Text.Json;
using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore.Serialization;

/// <summary>
/// Personal data sealed with AES-256-GCM under the subject's own key (kept in the key table, never in the payload).
/// The event id is bound in as associated data, so a sealed value cannot be moved to another event.
/// </summary>
public static class PersonalDataSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private sealed record Clear(string Name, string? IdNumber, string? Phone, string? Address);

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static string Seal(PersonalData data, byte[] key, Guid eventId)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(new Clear(data.Name, data.IdNumber, data.Phone, data.Address));
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // The event id as associated data, in Guid.ToByteArray's layout (what Open binds), without an array.
        Span<byte> associated = stackalloc byte[16];
        eventId.TryWriteBytes(associated);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), associated);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The data, or <see cref="PersonalData.Erased"/> when the subject's key has been destroyed.</summary>
    public static PersonalData Open(Guid subjectId, string sealedText, byte[]? key, Guid eventId)
    {
        if (key is null)
        {
            return PersonalData.Erased(subjectId);
        }

        var sealedBytes = Convert.FromBase64String(sealedText);
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, eventId.ToByteArray());
        var clear = JsonSerializer.Deserialize<Clear>(plain)!;
        return new PersonalData(subjectId, clear.Name, clear.IdNumber, clear.Phone, clear.Address);
    }
}
