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

        Assert.Equal(29, types.Count);
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

    [Fact]
    public async Task A_payload_holds_Chinese_text_as_UTF8_and_one_written_with_escapes_by_earlier_versions_reads_the_same()
    {
        var applicant = Samples.Applicant() with { Name = "张三", Address = "北京市某区某路1号" };
        var received = Samples.Received(Guid.NewGuid(), new DateOnly(2024, 1, 2), applicant) with { Description = "申请公开某路段施工许可+附件<1>&" };
        var eventId = Guid.NewGuid();
        var key = PersonalDataSeal.NewKey();
        var utf8 = EventSerializer.SerializeUtf8(eventId, received, _ => key);
        var text = System.Text.Encoding.UTF8.GetString(utf8.Payload);
        var viaText = (await EventSerializer.SerializeAsync(eventId, received, _ => Task.FromResult(key))).Payload;

        // Six bytes per character as \uXXXX were three in UTF-8: the text is stored as it is (the sealed value's + too).
        Assert.Contains("\"description\":\"申请公开某路段施工许可+附件<1>&\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", viaText, StringComparison.Ordinal);
        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, text, key));
        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, viaText, key));

        // As stores written before hold it: every non-ASCII character, +, <, > and & escaped.
        var escaped = System.Text.RegularExpressions.Regex.Replace(text, "[^\\x00-\\x7F]|[+<>&]", m => $"\\u{(int)m.Value[0]:X4}");
        Assert.Contains("\\u7533", escaped, StringComparison.Ordinal);
        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, escaped, key));
        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, System.Text.Encoding.UTF8.GetBytes(escaped), key));
    }

    [Fact]
    public void A_sealed_receipt_reads_alike_from_both_serializers_whatever_its_description_holds()
    {
        // A description with what the reader looks for in the text: quotes, braces, the property's own name.
        var applicant = Samples.Applicant() with { Name = "张\"三\"{}" };
        var received = Samples.Received(Guid.NewGuid(), new DateOnly(2024, 1, 2), applicant) with { Description = "\"applicant\":{\"subject\"} 申请公开{}" };
        var eventId = Guid.NewGuid();
        var key = PersonalDataSeal.NewKey();
        var utf8 = EventSerializer.SerializeUtf8(eventId, received, _ => key);
        var text = System.Text.Encoding.UTF8.GetString(utf8.Payload);
        var plain = received with { Applicant = null };
        var open = EventSerializer.SerializeUtf8(eventId, plain, _ => key);

        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, text, key));
        Assert.Equal(received with { Applicant = PersonalData.Erased(applicant.SubjectId) }, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, text, null));
        Assert.Equal(plain, EventSerializer.Deserialize(eventId, open.TypeName, open.SchemaVersion, System.Text.Encoding.UTF8.GetString(open.Payload), null));
        // Written with white space (another writer): read by the general path, the same event.
        var spaced = text.Replace("\"applicant\":{", "\"applicant\" : {", StringComparison.Ordinal);
        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, spaced, key));
        // As PostgreSQL's jsonb text writes it (a space after the colon): read by the current-shape reader, the same event.
        var jsonb = text.Replace("\"applicant\":{", "\"applicant\": {", StringComparison.Ordinal);
        Assert.Equal(received, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, jsonb, key));
        Assert.Equal(received with { Applicant = PersonalData.Erased(applicant.SubjectId) }, EventSerializer.Deserialize(eventId, utf8.TypeName, utf8.SchemaVersion, jsonb, null));
        var openJsonb = System.Text.Encoding.UTF8.GetString(open.Payload).Replace("\"applicant\":null", "\"applicant\": null", StringComparison.Ordinal);
        Assert.Contains("\"applicant\": null", openJsonb, StringComparison.Ordinal);
        Assert.Equal(plain, EventSerializer.Deserialize(eventId, open.TypeName, open.SchemaVersion, openJsonb, null));
    }

    [Fact]
    public void A_v1_consultation_reads_with_the_party_receiving_the_letter_the_day_it_went_out()
    {
        const string v1 = """{"consultationId":"c1","kind":"ThirdParty","party":"某公司","on":"2023-03-06"}""";

        var read = EventSerializer.Deserialize(Guid.NewGuid(), "case.consultation-started", 1, v1, null);

        Assert.Equal(new CaseEvent.ConsultationStarted("c1", ConsultationKind.ThirdParty, "某公司", new DateOnly(2023, 3, 6), new DateOnly(2023, 3, 6)), read);
    }

    [Fact]
    public void A_v1_Art_35_date_reads_with_the_applicant_told_the_day_it_was_set()
    {
        const string v1 = """{"on":"2023-03-10","answerBy":"2023-05-31"}""";

        var read = EventSerializer.Deserialize(Guid.NewGuid(), "case.delayed-answer-date-set", 1, v1, null);

        Assert.Equal(new CaseEvent.DelayedAnswerDateSet(new DateOnly(2023, 3, 10), new DateOnly(2023, 5, 31), new DateOnly(2023, 3, 10)), read);
    }
}
