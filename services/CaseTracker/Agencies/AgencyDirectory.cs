using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Input;

namespace CaseTracker.Agencies;

/// <param name="Parent">上级机关; null for an agency at the top.</param>
public sealed record Agency(string Name, string? Parent);

/// <summary>The agencies and their hierarchy (上级机关), kept in the store.</summary>
public sealed class AgencyDirectory(DocumentStore documents)
{
    public const string Collection = "agencies";

    public async Task<IReadOnlyList<Agency>> ListAsync(CancellationToken ct) =>
        (await documents.ListAsync<Agency>(Collection, ct)).Select(d => d.Value).ToList();

    public async Task<AgencyTree> TreeAsync(CancellationToken ct) =>
        new((await ListAsync(ct)).ToDictionary(a => a.Name, a => a.Parent));

    /// <summary>The agency with every agency under it, as a set of names.</summary>
    public async Task<IReadOnlySet<string>> WithEverythingUnderAsync(string agency, CancellationToken ct) =>
        (await TreeAsync(ct)).WithEverythingUnder(agency);

    /// <summary>An agency first seen (e.g. in a ledger) is registered at the top until an administrator moves it.</summary>
    public async Task<IReadOnlyList<string>> RegisterNewAsync(IEnumerable<string> names, string by, CancellationToken ct)
    {
        var known = (await ListAsync(ct)).Select(a => a.Name).ToHashSet();
        var added = names.Select(n => n.Trim()).Where(n => n.Length > 0 && !known.Contains(n)).Distinct().ToList();
        if (added.Count > 0)
        {
            await documents.PutManyAsync(Collection, added.Select(n => (n, new Agency(n, null))).ToList(), by, ct: ct);
        }

        return added;
    }

    /// <summary>Sets the agencies given (name → parent) over those known, refusing unknown parents and cycles; all or nothing.</summary>
    public async Task SaveAsync(IReadOnlyList<Agency> agencies, string by, CancellationToken ct)
    {
        var merged = (await ListAsync(ct)).ToDictionary(a => a.Name, a => a.Parent);
        foreach (var agency in agencies)
        {
            merged[agency.Name] = agency.Parent;
        }

        foreach (var agency in agencies)
        {
            if (agency.Parent is { } parent && !merged.ContainsKey(parent))
            {
                throw new UserError("上级机关", $"“{agency.Name}”的上级机关“{parent}”不存在：请先登记上级机关，或在同一文件中一并列出。");
            }

            var seen = new HashSet<string> { agency.Name };
            for (var up = agency.Parent; up is not null; up = merged.GetValueOrDefault(up))
            {
                if (!seen.Add(up))
                {
                    throw new UserError("上级机关", $"“{agency.Name}”的上级机关形成循环（{string.Join(" → ", seen)} → {up}）。");
                }
            }
        }

        await documents.PutManyAsync(Collection, agencies.Select(a => (a.Name, a)).ToList(), by, ct: ct);
    }
}
