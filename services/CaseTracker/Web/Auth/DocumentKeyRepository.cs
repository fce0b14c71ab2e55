using System.Security.Cryptography;
using System.Xml.Linq;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CaseTracker.Web.Auth;

/// <summary>
/// The keys that protect the sign-in cookie and the antiforgery tokens, kept in the store (collection
/// "data-protection-keys"): sessions survive a restart, and hosts sharing a PostgreSQL store share the keys. Each key is
/// encrypted at rest (<see cref="KeyEncryption"/>): a copy of the database alone cannot forge a session.
/// </summary>
public sealed class DocumentKeyRepository(DocumentStore documents) : IXmlRepository
{
    public const string Collection = "data-protection-keys";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        documents.ListAsync<string>(Collection).GetAwaiter().GetResult().Select(d => XElement.Parse(d.Value)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        documents.PutAsync(Collection, friendlyName, element.ToString(SaveOptions.DisableFormatting), "data-protection").GetAwaiter().GetResult();
}

/// <summary>
/// The key-encryption key: 32 random bytes in a file outside the database (CASETRACKER_KEY_FILE; default beside the
/// SQLite store, else in the working directory), created at first start readable by the operator only (0600). Every web
/// node of one store must have the same file. Losing it signs everyone out (new keys are made), nothing else.
/// </summary>
public sealed class KeyEncryption(byte[] key)
{
    public const string FileKey = "CASETRACKER_KEY_FILE";
    public const string FileName = "casetracker-keys.key";

    public byte[] Key { get; } = key;

    public static KeyEncryption Load(IConfiguration configuration)
    {
        var path = configuration[FileKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetDirectoryName(FirstRun.PasswordFile(configuration))!, FileName);
        if (!File.Exists(path))
        {
            FirstRun.WriteSecretAsync(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n", CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length == 32
            ? new KeyEncryption(key)
            : throw new UserError(FileKey, $"{FileKey}：文件“{path}”应含 32 字节密钥的 Base64 文本（首次启动时自动生成）。");
    }
}

/// <summary>AES-256-GCM over each data-protection key element.</summary>
public sealed class KeyEncryptor(KeyEncryption encryption) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(encryption.Key, 16))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("aesGcm",
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(KeyDecryptor));
    }
}

public sealed class KeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryption>().Key;
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, 16))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}

public static class DataProtectionSetup
{
    public static IServiceCollection AddKeysInStore(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("casetracker");
        services.AddSingleton(sp => KeyEncryption.Load(sp.GetRequiredService<IConfiguration>()));
        return services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new DocumentKeyRepository(sp.GetRequiredService<DocumentStore>());
                o.XmlEncryptor = new KeyEncryptor(sp.GetRequiredService<KeyEncryption>());
            }));
    }
}
