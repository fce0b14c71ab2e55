using CaseTracker.Domain.Cases;

namespace CaseTracker.Domain.Fees;

/// <summary>One request of an applicant at an agency, as the 按件 count sees it.</summary>
public sealed record FeeItem(DateOnly ReceivedOn, string CaseNumber);

/// <summary>One band of a computation: which items or pages, at what rate, and what they cost.</summary>
public sealed record FeeBand(int From, int To, decimal Rate, decimal Amount)
{
    public int Count => To - From + 1;
}

/// <summary>
/// A fee as the notice states it (国办函〔2020〕109号): the method, the quantity it rests on (for 按件 the number of this
/// request among the applicant's requests to the agency in the calendar month, for 按量 the pages), the bands it
/// falls in, and the amount. <see cref="Explanation"/> is the computation in words, for the caseworker and the notice.
/// </summary>
public sealed record FeeComputation(FeeMethod Method, int Quantity, IReadOnlyList<FeeBand> Bands, decimal Amount)
{
    public string Explanation => Method == FeeMethod.PerItem
        ? $"按件计收：本月向本机关提出的第{Quantity}件申请，"
            + (Amount == 0 ? "在前10件以内，免费。" : $"适用第{Bands[0].From}–{Bands[0].To}件档，每件{Bands[0].Rate:0}元，计{Amount:0}元。")
        : $"按量计收：共{Quantity}页，"
            + string.Join("；", Bands.Select(b => b.Rate == 0
                ? $"第{b.From}–{b.To}页免费"
                : $"第{b.From}–{b.To}页{b.Count}页×{b.Rate:0}元={b.Amount:0}元"))
            + $"，合计{Amount:0}元。";
}

/// <summary>
/// The progressive rates (超额累进) of 国办函〔2020〕109号, pure arithmetic (domain.md §3b).
/// 按件: within one agency, per applicant and calendar month, items 1–10 free, 11–30 100元 each, then each further band
/// of 10 items 100元 more per item than the band before (31–40 200元, 41–50 300元 …).
/// 按量: per request, pages 1–30 free, 31–100 10元 a page, 101–200 20元, from 201 40元.
/// </summary>
public static class FeeSchedule
{
    /// <summary>Fees are charged on requests received from this day (国办函〔2020〕109号).</summary>
    public static readonly DateOnly InForce = new(2021, 1, 1);

    private static readonly (int From, int To, decimal Rate)[] PageBands =
    [
        (1, 30, 0m),
        (31, 100, 10m),
        (101, 200, 20m),
        (201, int.MaxValue, 40m),
    ];

    public static FeeComputation Compute(FeeMethod method, int quantity)
    {
        if (quantity < 1)
        {
            throw new DomainException("fee.quantity", method == FeeMethod.PerItem
                ? "按件计收须写明本件是申请人当月向本机关提出的第几件申请（从1起算，国办函〔2020〕109号）。"
                : "按量计收须写明页数（从1起算，国办函〔2020〕109号）。");
        }

        return method == FeeMethod.PerItem ? PerItem(quantity) : PerVolume(quantity);
    }

    /// <summary>
    /// 按件: the number of <paramref name="request"/> among one applicant's requests to one agency in its calendar month of
    /// receipt (receipt date, then case number, decide the order of requests on the same day). The caller passes the
    /// applicant's requests at the agency (identified by the keyed hash of the ID number or organisation code).
    /// </summary>
    public static int ItemNumber(IEnumerable<FeeItem> applicantRequests, FeeItem request)
    {
        ArgumentNullException.ThrowIfNull(applicantRequests);
        ArgumentNullException.ThrowIfNull(request);
        return applicantRequests
            .Where(r => r.ReceivedOn.Year == request.ReceivedOn.Year && r.ReceivedOn.Month == request.ReceivedOn.Month)
            .Where(r => r != request)
            .Count(r => r.ReceivedOn < request.ReceivedOn
                || (r.ReceivedOn == request.ReceivedOn && string.CompareOrdinal(r.CaseNumber, request.CaseNumber) < 0)) + 1;
    }

    /// <summary>The rate of the n-th item of a month: 0 up to 10, 100 up to 30, then 100 more for each band of 10.</summary>
    public static decimal ItemRate(int n) => n switch
    {
        <= 10 => 0m,
        <= 30 => 100m,
        _ => 100m * (((n - 31) / 10) + 2),
    };

    private static FeeComputation PerItem(int n)
    {
        var (from, to) = n switch
        {
            <= 10 => (1, 10),
            <= 30 => (11, 30),
            _ => (31 + ((n - 31) / 10 * 10), 40 + ((n - 31) / 10 * 10)),
        };
        var rate = ItemRate(n);
        return new FeeComputation(FeeMethod.PerItem, n, [new FeeBand(from, to, rate, rate)], rate);
    }

    private static FeeComputation PerVolume(int pages)
    {
        var bands = new List<FeeBand>();
        foreach (var (from, to, rate) in PageBands)
        {
            if (pages < from)
            {
                break;
            }

            var last = Math.Min(pages, to);
            bands.Add(new FeeBand(from, last, rate, rate * (last - from + 1)));
        }

        return new FeeComputation(FeeMethod.PerVolume, pages, bands, bands.Sum(b => b.Amount));
    }
}
