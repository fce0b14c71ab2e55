using CaseTracker.Pipeline;

namespace CaseTracker.Tests;

public sealed class BusinessDayTests
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-11-29T15:59:59Z", "2026-11-29")] // 23:59:59 in Beijing
    [InlineData("2026-11-29T16:00:00Z", "2026-11-30")] // midnight in Beijing, still the 29th in UTC
    [InlineData("2026-12-31T20:00:00-08:00", "2027-01-01")]
    public void Today_is_the_date_in_Asia_Shanghai_whatever_the_server_zone(string now, string today)
    {
        var time = new At(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), time.Today());
    }
}
