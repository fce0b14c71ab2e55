using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;

namespace CaseTracker.Domain.Tests;

public class SpecExampleTests
{
    [Fact]
    public void Request_received_on_a_Friday_before_National_Day_2023_is_due_on_the_26th_of_October()
    {
        var received = new CaseEvent.Received(Guid.NewGuid(), "某区政务服务局", "2023-001", new DateOnly(2023, 9, 22),
            Channel.InPerson, ApplicantType.NaturalPerson, null, "某信息", "纸质");
        var state = CaseDecider.Fold([received]);

        var reading = StatutoryClock.Read(state, new DateOnly(2023, 9, 25), WorkingCalendar.BuiltIn, ClockSettings.Default);

        Assert.Equal(new DateOnly(2023, 10, 26), reading.Deadline);
        Assert.Equal(CaseStatus.Running, reading.Status);
        Assert.False(reading.Provisional);
    }
}
