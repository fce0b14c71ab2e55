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
        var settings = ClockSettingsSource.From(name => name switch
        {
            ClockSettingsSource.DayOneVariable => "start-day",
            ClockSettingsSource.FeeNoticeVariable => " FALSE ",
            _ => null,
        });

        Assert.Equal(new ClockSettings(DayOneIsNextWorkingDay: false, FeeNoticePausesClock: false), settings);
    }

    [Fact]
    public void The_operator_sets_the_default_supplement_period_for_ledger_rows_without_one()
    {
        var settings = ClockSettingsSource.From(name => name == ClockSettingsSource.SupplementDefaultDaysVariable ? " 10 " : null);

        Assert.Equal(10, settings.SupplementDefaultDays);
        Assert.Equal(15, ClockSettingsSource.From(_ => null).SupplementDefaultDays);
    }

    [Theory]
    [InlineData(ClockSettingsSource.DayOneVariable, "tomorrow")]
    [InlineData(ClockSettingsSource.FeeNoticeVariable, "yes")]
    [InlineData(ClockSettingsSource.SupplementDefaultDaysVariable, "0")]
    [InlineData(ClockSettingsSource.SupplementDefaultDaysVariable, "十五")]
    public void An_unknown_value_is_refused_naming_the_variable(string variable, string value)
    {
        var error = Assert.Throws<UserError>(() => ClockSettingsSource.From(name => name == variable ? value : null));

        Assert.Equal(variable, error.Field);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains("无效", error.Message, StringComparison.Ordinal);
    }
}
