using CaseTracker.Domain.Applicants;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.Search;

namespace CaseTracker.Search;

/// <summary>An earlier request of the same applicant with a similar description; <see cref="Similarity"/> in 0..1.</summary>
public sealed record PossibleRepeat(Guid CaseId, string CaseNumber, string Agency, DateOnly ReceivedOn, double Similarity);

/// <summary>
/// 条例第三十六条第六项 (重复申请): the cases of the same applicant received in the 12 months before this one whose
/// description is similar (Dice coefficient of character bigrams ≥ <see cref="Threshold"/>). Shown to the caseworker, who
/// decides. The same applicant: the same ID number, or the same name with the same phone or without ID numbers.
/// </summary>
public sealed class PossibleRepeats(IReadModelDatabase database, ApplicantKeyring keyring)
{
    public const double Threshold = 0.4;

    public async Task<IReadOnlyList<PossibleRepeat>> FindAsync(CaseEvent.Received receipt, Access access, CancellationToken ct)
    {
        if (receipt.Applicant is not { } applicant)
        {
            return [];
        }

        var keys = (await keyring.GetAsync(ct)).Of(applicant).ToDictionary(k => ApplicantKeys.KindName(k.Kind), k => k.Hash);
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await database.QueryAsync("possible_repeats",
            c => (Id: c.Guid("case_id"), Kind: c.String("kind"), Number: c.String("case_number"), Agency: c.String("agency"),
                On: c.Date("received_on"), Description: c.String("description")), ct,
            ("hash_name", keys.GetValueOrDefault("name")), ("hash_id", keys.GetValueOrDefault("id")), ("hash_phone", keys.GetValueOrDefault("phone")),
            ("case_id", receipt.CaseId), ("since", receipt.On.AddMonths(-12)), ("until", receipt.On));
        var hasId = keys.ContainsKey("id");
        return rows.GroupBy(r => r.Id)
            .Where(g => access.CanSee(g.First().Agency))
            .Where(g =>
            {
                var kinds = g.Select(r => r.Kind).ToHashSet();
                return kinds.Contains("id") || (kinds.Contains("name") && (kinds.Contains("phone") || !hasId));
            })
            .Select(g => g.First())
            .Select(r => new PossibleRepeat(r.Id, r.Number, r.Agency, r.On, Similarity(receipt.Description, r.Description)))
            .Where(r => r.Similarity >= Threshold)
            .OrderByDescending(r => r.Similarity).ThenByDescending(r => r.ReceivedOn)
            .ToList();
    }

    /// <summary>Dice coefficient of the two texts' character bigrams (after folding case, width and white space).</summary>
    public static double Similarity(string a, string b)
    {
        var x = CaseSearchProjection.Bigrams(a).ToHashSet(StringComparer.Ordinal);
        var y = CaseSearchProjection.Bigrams(b).ToHashSet(StringComparer.Ordinal);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }
}
