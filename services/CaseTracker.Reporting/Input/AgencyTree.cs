namespace CaseTracker.Reporting.Input;

/// <summary>Which agency is under which (a district government over its departments and street offices).</summary>
public sealed class AgencyTree
{
    private readonly Dictionary<string, string?> _parentOf;

    public AgencyTree(IEnumerable<KeyValuePair<string, string?>> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        _parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (agency, parent) in parentOf)
        {
            _parentOf[agency.Trim()] = parent?.Trim();
        }
    }

    public static AgencyTree Empty { get; } = new([]);

    public string? ParentOf(string agency) => _parentOf.GetValueOrDefault(agency);

    /// <summary>The agency and every agency under it, at any depth (a cycle in the data ends the walk).</summary>
    public IReadOnlySet<string> WithEverythingUnder(string root)
    {
        var children = _parentOf.Where(p => p.Value is not null).ToLookup(p => p.Value!, p => p.Key, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal) { root };
        var queue = new Queue<string>([root]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(found.Add))
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }
}

/// <summary>The agencies a report covers: one agency, or an agency with every agency under it (a whole-area report).</summary>
public sealed record AgencySelection(string Agency, IReadOnlySet<string> Agencies)
{
    public static AgencySelection Only(string agency) => new(agency, new HashSet<string>(StringComparer.Ordinal) { agency });

    public static AgencySelection WithEverythingUnder(string agency, AgencyTree tree) =>
        new(agency, tree.WithEverythingUnder(agency));

    public bool Contains(string agency) => Agencies.Contains(agency);
}
