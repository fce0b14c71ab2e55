using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Tests.Infrastructure;
using CaseTracker.ReadModels.CaseList;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task The_case_list_built_live_equals_the_case_list_rebuilt_from_scratch()
    {
        var runner = new ProjectionRunner(Store, Store, new CaseListProjection(CasePolicy.Default)) { PageSize = 7 };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var live = runner.RunAsync(stop.Token);
        var cases = Enumerable.Range(0, 60).Select(i => Histories.Case(i, i % 2 == 0 ? Applicant() : null)).ToList();
        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var (caseId, events) in cases)
            {
                var part = events.Skip(round * 3).Take(round == 2 ? int.MaxValue : 3).ToList();
                if (part.Count > 0)
                {
                    await Store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.Any, New([.. part]));
                }
            }
        }

        while ((await runner.StatusAsync()).Lag > 0 && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await live;
        var builtLive = await new CaseListQueries(Store).AllAsync();
        var progress = new List<ReplayProgress>();
        await Store.LogShowsEverythingAsync();
        var replayed = await runner.RebuildAsync(new Progress(progress));

        Assert.Equal(cases.Sum(c => c.Events.Count), replayed);
        Assert.Equal(60, builtLive.Count);
        Assert.Equal(builtLive, await new CaseListQueries(Store).AllAsync());
        Assert.Equal(new ReplayProgress(replayed, replayed), progress[^1]);
        Assert.Equal(0, (await runner.StatusAsync()).Lag);
    }

    [Fact]
    public async Task The_case_row_holds_the_statutory_deadline_and_overdue_is_derived_from_today()
    {
        // domain.md §2: received Friday 2023-09-22 under the 2019 rules → deadline Thursday 2023-10-26.
        var (open, closed) = (Guid.NewGuid(), Guid.NewGuid());
        await Store.AppendAsync(CaseStreams.For(open), ExpectedVersion.NoStream, New(Received(open, Day)));
        await Store.AppendAsync(CaseStreams.For(closed), ExpectedVersion.NoStream, New(Received(closed, Day), Disclosed(new DateOnly(2023, 10, 27))));
        var runner = new ProjectionRunner(Store, Store, new CaseListProjection(CasePolicy.Default));

        await Store.LogShowsEverythingAsync();
        await runner.CatchUpAsync();

        var rows = (await new CaseListQueries(Store).AllAsync()).ToDictionary(r => r.CaseId);
        Assert.Equal((CaseStatus.Running, new DateOnly(2023, 10, 26), (DateOnly?)null), (rows[open].Status, rows[open].Deadline, rows[open].ClosedOn));
        Assert.Equal((CaseStatus.Closed, "disclosed", true), (rows[closed].Status, rows[closed].OutcomeRow2021, rows[closed].ClosedLate));
        Assert.Empty(await new CaseListQueries(Store).OverdueAsync(new DateOnly(2023, 10, 26)));
        Assert.Equal([open], await new CaseListQueries(Store).OverdueAsync(new DateOnly(2023, 10, 27)));
    }

    [Fact]
    public async Task A_paused_case_has_no_deadline_until_the_consultation_ends()
    {
        var caseId = Guid.NewGuid();
        var stream = CaseStreams.For(caseId);
        var runner = new ProjectionRunner(Store, Store, new CaseListProjection(CasePolicy.Default));
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(caseId, Day),
            new CaseEvent.ConsultationStarted("c1", ConsultationKind.ThirdParty, "某公司", new DateOnly(2023, 10, 9))));
        await Store.LogShowsEverythingAsync();
        await runner.CatchUpAsync();
        var paused = Assert.Single(await new CaseListQueries(Store).AllAsync());

        await Store.AppendAsync(stream, ExpectedVersion.Exact(2), New(new CaseEvent.ConsultationAnswered("c1", new DateOnly(2023, 10, 11))));
        await Store.LogShowsEverythingAsync();
        await runner.CatchUpAsync();
        var resumed = Assert.Single(await new CaseListQueries(Store).AllAsync());

        Assert.Equal((CaseStatus.Paused, "ThirdPartyConsultation", (DateOnly?)null), (paused.Status, paused.PausedFor, paused.Deadline));
        // 10-10 and 10-11 are working days excluded from the clock: 10-26 moves to 10-30 (10-28/29 are a weekend).
        Assert.Equal((CaseStatus.Running, (DateOnly?)new DateOnly(2023, 10, 30), 3L), (resumed.Status, resumed.Deadline, resumed.LastVersion));
    }

    private sealed class Progress(List<ReplayProgress> reports) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => reports.Add(value);
    }
}

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_case_row_written_from_an_older_stream_version_does_not_replace_a_newer_one()
    {
        // A deadline refresh folds a stream, and the projection may write the case's next event before the refresh writes:
        // the row of the older version must not overwrite the newer one.
        var caseId = Guid.NewGuid();
        await Store.AppendAsync(CaseStreams.For(caseId), ExpectedVersion.NoStream, New(Received(caseId, Day), Disclosed(new DateOnly(2023, 10, 9))));
        await Store.LogShowsEverythingAsync();
        await new ProjectionRunner(Store, Store, new CaseListProjection(CasePolicy.Default)).CatchUpAsync();
        var first = (await Store.ReadStreamAsync(CaseStreams.For(caseId)))[0];
        var stale = CaseRow.From(CaseDecider.Fold([first.Event]), first, CasePolicy.Default)!;

        await using (var connection = await Store.OpenConnectionAsync(default))
        {
            await using var transaction = await Store.BeginWriteAsync(connection, default);
            await using (var context = new ProjectionContext(connection, transaction, Store.Sql, Store))
            {
                await context.ExecuteEachAsync("case_row_upsert", [stale.Parameters()], default);
            }

            await transaction.CommitAsync();
        }

        var row = Assert.Single(await new CaseListQueries(Store).AllAsync(), r => r.CaseId == caseId);
        Assert.Equal(CaseStatus.Closed, row.Status);
        Assert.Equal(new DateOnly(2023, 10, 9), row.ClosedOn);
    }
}
