using System.Xml.Linq;
using CaseTracker.EventStore.Documents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CaseTracker.Web.Auth;

/// <summary>
/// The keys that protect the sign-in cookie and the antiforgery tokens, kept in the store (collection
/// "data-protection-keys"): sessions survive a restart, and hosts sharing a PostgreSQL store share the keys.
/// </summary>
public sealed class DocumentKeyRepository(DocumentStore documents) : IXmlRepository
{
    public const string Collection = "data-protection-keys";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        documents.ListAsync<string>(Collection).GetAwaiter().GetResult().Select(d => XElement.Parse(d.Value)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        documents.PutAsync(Collection, friendlyName, element.ToString(SaveOptions.DisableFormatting), "data-protection").GetAwaiter().GetResult();
}

public static class DataProtectionSetup
{
    public static IServiceCollection AddKeysInStore(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("casetracker");
        return services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DocumentKeyRepository(sp.GetRequiredService<DocumentStore>())));
    }
}
