using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Cases;

/// <summary>The grounds for withholding part of the information (条例第三十七条), compared by value.</summary>
public sealed record GroundList(IReadOnlyList<Outcome> Items)
{
    public static readonly GroundList None = new([]);

    public bool Equals(GroundList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(17, (hash, item) => (hash * 31) + (int)item);
}
