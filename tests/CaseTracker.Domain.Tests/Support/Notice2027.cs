using CaseTracker.Domain.Calendar;

namespace CaseTracker.Domain.Tests.Support;

/// <summary>
/// A 2027 notice for tests only (invented dates, not the State Council's): 01-01 and 02-08..02-12 off, Saturday 02-20 worked.
/// </summary>
public static class Notice2027
{
    public const string Text = """
        # 测试用2027年节假日数据（虚构，非国务院办公厅通知）
        date,kind,notice
        2027-01-01,holiday,测试用2027年通知
        2027-02-08,holiday,测试用2027年通知
        2027-02-09,holiday,测试用2027年通知
        2027-02-10,holiday,测试用2027年通知
        2027-02-11,holiday,测试用2027年通知
        2027-02-12,holiday,测试用2027年通知
        2027-02-20,workday,测试用2027年通知
        2027,complete,测试用2027年通知
        """;

    public static WorkingCalendar Calendar { get; } = WorkingCalendar.BuiltIn.With(WorkingCalendar.Parse(Text));
}
