using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Input;

namespace CaseTracker.Agencies;

/// <param name="Parent">上级机关; null for an agency at the top.</param>
/// <param name="Code">机关代码, used by the {机关代码} of the numbering pattern; null when not set.</param>
/// <param name="NumberPattern">编号规则 (<see cref="CaseNumberPattern"/>) intake proposes the next 编号 from; null when not set.</param>
/// <param name="Letters">文书 settings (文号字头, 复议机关, 管辖法院): see <c>Letters/README.md</c>; null when not set.</param>
public sealed record Agency(string Name, string? Parent, string? Code = null, string? NumberPattern = null, Letters.LetterSettings? Letters = null);

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
                throw new UserError("上级机关",
                    $"“{agency.Name}”的上级机关“{parent}”不存在：请先登记上级机关，或在同一文件中一并列出。");
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

        // A file or form that names only the hierarchy keeps the numbering an administrator set.
        var known = (await ListAsync(ct)).ToDictionary(a => a.Name);
        var kept = agencies.Select(a => known.TryGetValue(a.Name, out var old)
            ? a with { Code = a.Code ?? old.Code, NumberPattern = a.NumberPattern ?? old.NumberPattern, Letters = a.Letters ?? old.Letters }
            : a);
        await documents.PutManyAsync(Collection, kept.Select(a => (a.Name, a)).ToList(), by, ct: ct);
    }

    public async Task<Agency?> FindAsync(string nameOrCode, CancellationToken ct)
    {
        var all = await ListAsync(ct);
        var key = nameOrCode.Trim();
        return all.FirstOrDefault(a => a.Code == key) ?? all.FirstOrDefault(a => a.Name == key);
    }

    /// <summary>
    /// Sets an agency's 机关代码 and 编号规则 (an empty value clears it): the pattern is parsed, a code is unique among
    /// agencies, and a pattern using {机关代码} needs one. Refused with the field named, nothing written.
    /// </summary>
    public async Task<Agency> SetNumberingAsync(string name, string? code, string? pattern, string by, CancellationToken ct)
    {
        var all = await ListAsync(ct);
        var agency = all.FirstOrDefault(a => a.Name == name.Trim()) ?? throw new UserError("机关名称", $"机关“{name.Trim()}”未登记。");
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        pattern = string.IsNullOrWhiteSpace(pattern) ? null : pattern.Trim();
        if (code is not null)
        {
            if (code.Length > 20 || code.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '%' or '{' or '}'))
            {
                throw new UserError("机关代码", $"机关代码“{code}”无效：最多 20 个字符，不含空格和 / ? # % {{ }}。");
            }

            if (all.FirstOrDefault(a => a.Code == code && a.Name != agency.Name) is { } other)
            {
                throw new UserError("机关代码", $"机关代码“{code}”已由“{other.Name}”使用，机关代码不能重复。");
            }
        }

        if (pattern is not null && CaseNumberPattern.Parse(pattern).UsesCode && code is null)
        {
            throw new UserError("机关代码", $"编号规则“{pattern}”用到{{机关代码}}，请同时填写机关代码。");
        }

        var updated = agency with { Code = code, NumberPattern = pattern };
        await documents.PutManyAsync(Collection, [(updated.Name, updated)], by, ct: ct);
        return updated;
    }
}
