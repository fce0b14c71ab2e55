using CaseTracker.Composition;
using CaseTracker.Domain.Clock;
using CaseTracker.Pipeline;

namespace CaseTracker.Tests;

public sealed class ClockSettingsSourceTests
{
    [Fact]
    public void Without_settings_the_defaults_of_the_domain_spec_apply()
    {
        Assert.Equal(new ClockSettings(DayOneIsNextWorkingDay: true, FeeNoticePausesClock: true), ClockSettingsSource.From(_ => null));
    }

    [Fact]
    public void The_operator_can_count_from_the_start_day_and_keep_the_fee_notice_on_the_clock()
    {
        var settings = ClockSettingsSource.From(name => name == ClockSettingsSource.DayOneVariable ? "start-day" : " FALSE ");

        Assert.Equal(new ClockSettings(DayOneIsNextWorkingDay: false, FeeNoticePausesClock: false), settings);
    }

    [Theory]
    [InlineData(ClockSettingsSource.DayOneVariable, "tomorrow")]
    [InlineData(ClockSettingsSource.FeeNoticeVariable, "yes")]
    public void An_unknown_value_is_refused_naming_the_variable(string variable, string value)
    {
        var error = Assert.Throws<UserError>(() => ClockSettingsSource.From(name => name == variable ? value : null));

        Assert.Equal(variable, error.Field);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains("无效", error.Message, StringComparison.Ordinal);
    }
}
