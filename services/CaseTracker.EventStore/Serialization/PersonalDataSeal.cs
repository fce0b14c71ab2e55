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

    /// <summary>The clear text sealed: names and addresses as UTF-8, not escaped (a shorter ciphertext; older ones open alike).</summary>
    private static readonly JsonSerializerOptions ClearOptions = new() { Encoder = EventSerializer.TextAsIs };

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static string Seal(PersonalData data, byte[] key, Guid eventId)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(new Clear(data.Name, data.IdNumber, data.Phone, data.Address), ClearOptions);
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

        // Decoded and decrypted in pooled buffers (every receipt of a replay comes through here): only the clear fields are new.
        var sealedBytes = System.Buffers.ArrayPool<byte>.Shared.Rent(sealedText.Length);
        byte[]? plain = null;
        try
        {
            if (!Convert.TryFromBase64String(sealedText, sealedBytes, out var written))
            {
                _ = Convert.FromBase64String(sealedText); // the FormatException it always gave
            }

            var length = written - NonceSize - TagSize;
            plain = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 0));
            Span<byte> associated = stackalloc byte[16];
            eventId.TryWriteBytes(associated);
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize), plain.AsSpan(0, length), associated);
            var clear = JsonSerializer.Deserialize<Clear>(plain.AsSpan(0, length))!;
            return new PersonalData(subjectId, clear.Name, clear.IdNumber, clear.Phone, clear.Address);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(sealedBytes);
            if (plain is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            }
        }
    }
}
