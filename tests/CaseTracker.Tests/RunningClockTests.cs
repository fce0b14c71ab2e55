using System.Globalization;
using CaseTracker.Composition;
using CaseTracker.Pipeline;
using CaseTracker.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests;

/// <summary>The clock the tests control (issue 17 item 4): CASETRACKER_CLOCK_START fixes the business date of a host and of every verb.</summary>
public sealed class RunningClockTests
{
    private static IConfiguration Settings(string? start) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RunningClock.Setting] = start }).Build();

    [Fact]
    public void Without_the_setting_the_clock_is_the_systems()
    {
        Assert.Same(TimeProvider.System, RunningClock.From(Settings(null)));
    }

    [Fact]
    public async Task The_clock_starts_at_the_set_instant_and_runs_on_with_real_time()
    {
        var clock = RunningClock.From(Settings("2028-02-29T23:59:59.900+08:00"));

        var first = clock.GetUtcNow();
        Assert.InRange(first, new DateTimeOffset(2028, 2, 29, 15, 59, 59, 900, TimeSpan.Zero), new DateTimeOffset(2028, 2, 29, 16, 0, 30, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2028, 2, 29), DateOnly.FromDateTime(first.ToOffset(TimeSpan.FromHours(8)).DateTime));
        // 100 ms later it is 1 March in Beijing: the clock moves.
        await Eventually.ReturnsAsync(() => Task.FromResult(clock.Today()), d => d == new DateOnly(2028, 3, 1), "the running clock to pass midnight");
    }

    [Theory]
    [InlineData("2026-11-30")]
    [InlineData("2026-11-30T09:00:00")]
    [InlineData("tomorrow")]
    public void A_setting_that_is_not_an_instant_with_an_offset_is_refused_naming_the_setting(string start)
    {
        var error = Assert.Throws<UserError>(() => RunningClock.From(Settings(start)));
        Assert.Equal(RunningClock.Setting, error.Field);
        Assert.Contains("CASETRACKER_CLOCK_START", error.Message, StringComparison.Ordinal);
        Assert.Contains(start, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_container_of_every_verb_and_host_reads_the_setting()
    {
        using var services = new ServiceCollection().AddCaseTracker(Settings("2027-06-15T10:00:00+08:00")).BuildServiceProvider();

        Assert.Equal(new DateOnly(2027, 6, 15), services.GetRequiredService<TimeProvider>().Today());
    }

    [Fact]
    public void This_test_run_is_on_the_test_clock_not_the_real_date()
    {
        Assert.Equal(TestClock.StartText, Environment.GetEnvironmentVariable(RunningClock.Setting));
        Assert.Equal(TestClock.Today, RunningClock.From(CaseTrackerConfiguration.FromEnvironment()).Today());
        Assert.Equal(TestClock.Setting, RunningClock.Setting);
        Assert.Equal(DateOnly.FromDateTime(TestClock.Start.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
