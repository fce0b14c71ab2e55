using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Fees;
using static CaseTracker.Domain.Tests.Support.A;

namespace CaseTracker.Domain.Tests.Fees;

/// <summary>国办函〔2020〕109号 worked by hand (domain.md §3b). Every expected amount below was computed on paper.</summary>
public class FeeScheduleTests
{
    /// <summary>按件: the n-th request of the applicant's month at the agency costs the rate of its band.</summary>
    [Theory]
    [InlineData(1, 0)] // 1–10 free
    [InlineData(10, 0)]
    [InlineData(11, 100)] // 11–30: 100
    [InlineData(30, 100)]
    [InlineData(31, 200)] // 31–40: 200
    [InlineData(40, 200)]
    [InlineData(41, 300)] // 41–50: 300
    [InlineData(50, 300)]
    [InlineData(51, 400)] // 51–60: 400
    [InlineData(61, 500)] // 61–70: 500
    [InlineData(100, 800)] // 91–100: 100 + 7×100 = 800
    public void Per_item_amount_is_the_rate_of_the_items_band(int item, int amount)
    {
        Assert.Equal(amount, FeeSchedule.Compute(FeeMethod.PerItem, item).Amount);
    }

    /// <summary>按量: progressive by pages (30 free, then 10/20/40 元 a page).</summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)] // 1 page × 10
    [InlineData(45, 150)] // 15 × 10
    [InlineData(100, 700)] // 70 × 10
    [InlineData(101, 720)] // 700 + 1 × 20
    [InlineData(150, 1700)] // 700 + 50 × 20
    [InlineData(200, 2700)] // 700 + 100 × 20
    [InlineData(201, 2740)] // 2700 + 1 × 40
    [InlineData(250, 4700)] // 2700 + 50 × 40
    public void Per_volume_amount_adds_each_page_band(int pages, int amount)
    {
        Assert.Equal(amount, FeeSchedule.Compute(FeeMethod.PerVolume, pages).Amount);
    }

    [Fact]
    public void The_computation_is_shown_band_by_band()
    {
        var fee = FeeSchedule.Compute(FeeMethod.PerVolume, 250);
        Assert.Equal("按量计收：共250页，第1–30页免费；第31–100页70页×10元=700元；第101–200页100页×20元=2000元；第201–250页50页×40元=2000元，合计4700元。",
            fee.Explanation);
        Assert.Equal("按件计收：本月向本机关提出的第35件申请，适用第31–40件档，每件200元，计200元。", FeeSchedule.Compute(FeeMethod.PerItem, 35).Explanation);
    }

    /// <summary>The count starts again on the first of each month; requests of one day go in case-number order.</summary>
    [Fact]
    public void Per_item_count_restarts_at_the_month_boundary()
    {
        // 12 requests in January (the 31st holds numbers 011 and 012), then 2 on 1 February.
        var january = Enumerable.Range(1, 10).Select(i => new FeeItem(D($"2023-01-{i + 10:00}"), $"2023-{i:000}"))
            .Append(new FeeItem(D("2023-01-31"), "2023-012"))
            .Append(new FeeItem(D("2023-01-31"), "2023-011"))
            .ToList();
        var february = new[] { new FeeItem(D("2023-02-01"), "2023-013"), new FeeItem(D("2023-02-01"), "2023-014") };
        var all = january.Concat(february).ToList();

        Assert.Equal(11, FeeSchedule.ItemNumber(all, new FeeItem(D("2023-01-31"), "2023-011")));
        Assert.Equal(12, FeeSchedule.ItemNumber(all, new FeeItem(D("2023-01-31"), "2023-012")));
        Assert.Equal(1, FeeSchedule.ItemNumber(all, february[0]));
        Assert.Equal(2, FeeSchedule.ItemNumber(all, february[1]));
        Assert.Equal(100m, FeeSchedule.Compute(FeeMethod.PerItem, FeeSchedule.ItemNumber(all, new FeeItem(D("2023-01-31"), "2023-012"))).Amount);
        Assert.Equal(0m, FeeSchedule.Compute(FeeMethod.PerItem, FeeSchedule.ItemNumber(all, february[1])).Amount);
    }

    [Fact]
    public void A_year_boundary_is_a_month_boundary()
    {
        var items = Enumerable.Range(1, 31).Select(i => new FeeItem(D($"2022-12-{i:00}"), $"2022-{i:000}")).ToList();
        var newYear = new FeeItem(D("2023-01-01"), "2023-001");
        items.Add(newYear);
        Assert.Equal(200m, FeeSchedule.Compute(FeeMethod.PerItem, FeeSchedule.ItemNumber(items, items[30])).Amount); // 31st of December
        Assert.Equal(1, FeeSchedule.ItemNumber(items, newYear));
    }
}
