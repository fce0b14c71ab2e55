using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_stream_reads_forwards_and_backwards_from_a_version()
    {
        var stream = NewStream();
        var caseId = Guid.NewGuid();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, Batch(caseId, 5, Day));

        var forwards = await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 2, 2);
        var backwards = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue, 3);
        var backwardsFromThree = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, 3, 10);

        Assert.Equal([2L, 3L], forwards.Select(e => e.StreamVersion));
        Assert.Equal([5L, 4L, 3L], backwards.Select(e => e.StreamVersion));
        Assert.Equal([3L, 2L, 1L], backwardsFromThree.Select(e => e.StreamVersion));
        Assert.Equal(caseId, Assert.IsType<CaseEvent.Received>(backwardsFromThree[^1].Event).CaseId);
        Assert.Empty(await Store.ReadStreamAsync(NewStream()));
    }

    [Fact]
    public async Task The_envelope_carries_name_schema_business_date_recorded_time_actor_correlation_and_metadata()
    {
        var correlation = Guid.NewGuid();
        var causation = Guid.NewGuid();
        var metadata = new EventMetadata("import", correlation, causation, new Dictionary<string, string> { ["import.file"] = "台账2023.xlsx", ["import.row"] = "17" });
        var received = Received(Guid.NewGuid(), Day);
        var stream = NewStream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, [One(received, metadata)]);

        var stored = Assert.Single(await Store.ReadStreamAsync(stream));

        Assert.Equal(("case.received", 1, Day), (stored.TypeName, stored.SchemaVersion, stored.BusinessDate));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero), stored.RecordedAt);
        Assert.Equal(("import", correlation, (Guid?)causation), (stored.Actor, stored.CorrelationId, stored.CausationId));
        Assert.Equal("台账2023.xlsx", stored.Metadata["import.file"]);
        Assert.Equal("17", stored.Metadata["import.row"]);
        Assert.Equal(received, stored.Event);
    }

    [Fact]
    public async Task The_global_log_holds_every_stream_in_append_order()
    {
        var (a, b) = (NewStream(), NewStream());
        var a1 = One(Received(Guid.NewGuid(), Day));
        var b1 = One(Received(Guid.NewGuid(), Day));
        var a2 = One(Disclosed(Day.AddDays(3)));
        await Store.AppendAsync(a, ExpectedVersion.NoStream, [a1]);
        await Store.AppendAsync(b, ExpectedVersion.NoStream, [b1]);
        await Store.AppendAsync(a, ExpectedVersion.Exact(1), [a2]);

        await Store.LogShowsEverythingAsync();
        var all = await Store.ReadAllAsync(LogPosition.Start, 100);
        var afterFirst = await Store.ReadAllAsync(all[0].Position, 100);

        Assert.Equal([a1.EventId, b1.EventId, a2.EventId], all.Select(e => e.EventId));
        Assert.True(all[0].Position < all[1].Position && all[1].Position < all[2].Position);
        Assert.Equal([b1.EventId, a2.EventId], afterFirst.Select(e => e.EventId));
        Assert.Equal(2, await Store.CountAfterAsync(all[0].Position));
    }

    [Fact]
    public async Task Stored_events_use_stable_type_names_not_CLR_names()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(1)), Disclosed(Day.AddDays(9))));

        var types = await RawAsync("SELECT type FROM events_log ORDER BY stream_version", r => r.GetString(0));

        Assert.Equal(["case.received", "case.supplement-requested", "case.decided"], types);
    }

    [Fact]
    public async Task A_version_1_extension_stored_without_the_day_the_applicant_was_told_is_upcast_on_read()
    {
        var caseId = Guid.NewGuid();
        var stream = CaseStreams.For(caseId);
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(caseId, new DateOnly(2023, 10, 9))));
        await InsertStoredAsync(stream, 2, "case.extended", 1, new DateOnly(2023, 10, 20),
            """{"on":"2023-10-20","approver":"公开办主任","reason":"需要调取档案"}""");

        var stored = (await Store.ReadStreamAsync(stream))[1];

        Assert.Equal(1, stored.SchemaVersion);
        Assert.Equal(new CaseEvent.Extended(new DateOnly(2023, 10, 20), "公开办主任", "需要调取档案", new DateOnly(2023, 10, 20)), stored.Event);
        Assert.Equal(new DateOnly(2023, 10, 20), (await Store.LoadCaseAsync(caseId)).Extension?.ApplicantToldOn);
    }

    [Fact]
    public async Task Every_event_type_reads_back_equal_to_what_was_appended()
    {
        var caseId = Guid.NewGuid();
        var events = Infrastructure.EveryEvent.Of(caseId);
        await Store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.NoStream, New([.. events]));

        var stored = await Store.ReadStreamAsync(CaseStreams.For(caseId));

        Assert.Equal(events, stored.Select(e => e.Event));
        Assert.Equal(events.Select(e => e.On), stored.Select(e => e.BusinessDate));
    }

    [Fact]
    public async Task The_global_log_reads_each_envelope_as_the_stream_read_does_sealed_erased_upcast_and_with_metadata()
    {
        var (caseId, erasedCase) = (Guid.NewGuid(), Guid.NewGuid());
        var (applicant, erased) = (Applicant("钱七"), Applicant("孙八"));
        var causation = Guid.NewGuid();
        var metadata = new EventMetadata("import", Guid.NewGuid(), causation, new Dictionary<string, string> { ["import.file"] = "台账.csv" });
        await Store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.NoStream, [One(Received(caseId, Day, applicant), metadata)]);
        await Store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.Exact(1), New([.. Infrastructure.EveryEvent.Of(caseId).Skip(1)]));
        var version = (await Store.ReadStreamAsync(CaseStreams.For(caseId))).Count;
        await InsertStoredAsync(CaseStreams.For(caseId), version + 1, "case.extended", 1, new DateOnly(2023, 10, 20),
            """{"on":"2023-10-20","approver":"公开办主任","reason":"需要调取档案"}""");
        await Store.AppendAsync(CaseStreams.For(erasedCase), ExpectedVersion.NoStream, New(Received(erasedCase, Day, erased)));
        Assert.True(await Store.ErasePersonalDataAsync(erased.SubjectId));
        await Store.LogShowsEverythingAsync();

        var log = await Store.ReadAllAsync(LogPosition.Start, 1_000);
        var streams = (await Store.ReadStreamAsync(CaseStreams.For(caseId))).Concat(await Store.ReadStreamAsync(CaseStreams.For(erasedCase))).ToList();

        Assert.Equal(streams.Select(Text), log.Select(Text));
        Assert.Equal(streams.Select(e => e.Event), log.Select(e => e.Event));
        Assert.Equal(applicant, ((CaseEvent.Received)log[0].Event).Applicant);
        Assert.Equal(("import", (Guid?)causation, "台账.csv"), (log[0].Actor, log[0].CausationId, log[0].Metadata["import.file"]));
        Assert.Empty(log[1].Metadata);
        Assert.Null(log[1].CausationId);
        Assert.Equal(new CaseEvent.Extended(new DateOnly(2023, 10, 20), "公开办主任", "需要调取档案", new DateOnly(2023, 10, 20)), log[^2].Event);
        Assert.Equal(1, log[^2].SchemaVersion);
        Assert.Equal(PersonalData.Erased(erased.SubjectId), ((CaseEvent.Received)log[^1].Event).Applicant);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero), log[^1].RecordedAt);

        static string Text(EventEnvelope e) => string.Join(" | ", e.EventId, e.StreamId, e.StreamVersion, e.Position, e.TypeName, e.SchemaVersion,
            e.BusinessDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            e.RecordedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.CorrelationId, e.CausationId,
            string.Join(",", e.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")), e.Event);
    }

    [Fact]
    public async Task A_payload_of_many_kilobytes_of_chinese_text_reads_whole_from_the_global_log_between_short_ones()
    {
        // PostgreSQL's log reader copies each payload's UTF-8 bytes into a buffer kept for the read (4 KB at first):
        // a long one between short ones must come out whole, and the short one after it without the long one's tail.
        var (shortCase, longCase, afterCase) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var description = string.Concat(Enumerable.Repeat("申请公开二〇二三年度某区政府信息公开工作年度报告及相关附件，", 300));
        await Store.AppendAsync(CaseStreams.For(shortCase), ExpectedVersion.NoStream, New(Received(shortCase, Day, Applicant("周一"))));
        await Store.AppendAsync(CaseStreams.For(longCase), ExpectedVersion.NoStream,
            New(Received(longCase, Day, Applicant("吴二")) with { Description = description }));
        await Store.AppendAsync(CaseStreams.For(afterCase), ExpectedVersion.NoStream, New(Received(afterCase, Day)));
        await Store.LogShowsEverythingAsync();

        var log = await Store.ReadAllAsync(LogPosition.Start, 10);

        Assert.Equal(3, log.Count);
        Assert.Equal(9_000, ((CaseEvent.Received)log[1].Event).Description.Length); // 30 characters × 300: 27,000 bytes in UTF-8
        Assert.Equal(description, ((CaseEvent.Received)log[1].Event).Description);
        Assert.Equal("吴二", ((CaseEvent.Received)log[1].Event).Applicant!.Name);
        Assert.Equal("某信息", ((CaseEvent.Received)log[2].Event).Description);
        Assert.Equal("周一", ((CaseEvent.Received)log[0].Event).Applicant!.Name);
        Assert.Equal(afterCase, ((CaseEvent.Received)log[2].Event).CaseId);
    }

    [Fact]
    public async Task Events_with_the_same_extra_metadata_then_other_then_none_each_read_back_their_own_read_only()
    {
        // The log readers give the previous row's metadata again when the bytes are equal (an imported case's events):
        // each event still reads its own, and none can be changed through the envelope.
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var row7 = new EventMetadata("import", Guid.NewGuid(), null, new Dictionary<string, string> { ["import.file"] = "台账.csv", ["import.row"] = "7" });
        var row8 = row7 with { Extra = new Dictionary<string, string> { ["import.file"] = "台账.csv", ["import.row"] = "8" } };
        await Store.AppendAsync(CaseStreams.For(first), ExpectedVersion.NoStream,
            [One(Received(first, Day), row7), One(Supplement(Day.AddDays(1)), row7), One(Disclosed(Day.AddDays(3)), row7)]);
        await Store.AppendAsync(CaseStreams.For(second), ExpectedVersion.NoStream, [One(Received(second, Day), row8), One(Supplement(Day.AddDays(2)))]);
        await Store.LogShowsEverythingAsync();

        var log = await Store.ReadAllAsync(LogPosition.Start, 10);

        Assert.Equal(["7", "7", "7", "8"], log.Take(4).Select(e => e.Metadata["import.row"]));
        Assert.All(log.Take(4), e => Assert.Equal("台账.csv", e.Metadata["import.file"]));
        Assert.Equal(2, log[2].Metadata.Count);
        Assert.Empty(log[4].Metadata);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)log[1].Metadata)["import.row"] = "9");
        Assert.Equal("7", log[0].Metadata["import.row"]);
    }
}
