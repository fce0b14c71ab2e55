using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Serialization;
using CaseTracker.EventStore.Tests.Infrastructure;

namespace CaseTracker.EventStore.Tests;

public class EventTypeMapTests
{
    [Fact]
    public void Every_event_type_of_the_domain_has_a_stored_name_of_its_own()
    {
        var types = typeof(CaseEvent).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(CaseEvent))).ToList();

        var names = types.Select(t => EventTypeMap.Of(t).Name).ToList();

        Assert.Equal(22, types.Count);
        Assert.Equal(types.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("case.", n, StringComparison.Ordinal));
        Assert.Equal(types.OrderBy(t => t.Name), EveryEvent.Of(Guid.NewGuid()).Select(e => e.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public async Task An_event_without_its_key_reads_with_the_applicant_erased()
    {
        var applicant = Samples.Applicant();
        var received = Samples.Received(Guid.NewGuid(), new DateOnly(2024, 1, 2), applicant);
        var eventId = Guid.NewGuid();
        var key = PersonalDataSeal.NewKey();
        var stored = await EventSerializer.SerializeAsync(eventId, received, _ => Task.FromResult(key));

        var withKey = (CaseEvent.Received)EventSerializer.Deserialize(eventId, stored.TypeName, stored.SchemaVersion, stored.Payload, key);
        var withoutKey = (CaseEvent.Received)EventSerializer.Deserialize(eventId, stored.TypeName, stored.SchemaVersion, stored.Payload, null);

        Assert.Equal(received, withKey);
        Assert.Equal(received with { Applicant = PersonalData.Erased(applicant.SubjectId) }, withoutKey);
        Assert.Equal(applicant.SubjectId, stored.SubjectId);
    }
}
