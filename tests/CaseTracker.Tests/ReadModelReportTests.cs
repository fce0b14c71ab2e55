using CaseTracker.Agencies;
using CaseTracker.Composition;
using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reports;
using CaseTracker.Testing;

namespace CaseTracker.Tests;

/// <summary>On SQLite here; <see cref="Postgres.PostgresReadModelReportTests"/> runs the same test on PostgreSQL.</summary>
public class ReadModelReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A new, empty store as a <c>--store</c> value.</summary>
    protected virtual Task<string> NewStoreAsync() => Task.FromResult("sqlite:" + _folder.File("store.db"));

    [Fact]
    public async Task Tables_from_the_read_model_equal_tables_counted_from_every_case_history_for_each_year_and_as_of_date()
    {
        var location = await NewStoreAsync();
        await new CliRunner(location).SucceedAsync("demo", "--per-year", "300", "--years", "4", "--seed", "5");
        await using var store = await StoreLocation.Parse(location)!.OpenAsync(TimeProvider.System, default);
        var agencies = new AgencyDirectory(new DocumentStore(store, TimeProvider.System));
        var documents = new DocumentStore(store, TimeProvider.System);
        var reports = new YearEndReports(new ReadModels.CaseList.ReportQueries(store), agencies, new Section2Figures(documents), new AgencyAppeals(documents, agencies, TimeProvider.System));
        var states = new List<CaseState>();
        foreach (var row in await new ReadModels.CaseList.CaseListQueries(store).AllAsync())
        {
            states.Add(await store.LoadCaseAsync(row.CaseId));
        }

        var tree = await agencies.TreeAsync(default);
        var thisYear = TestClock.Today.Year;
        var asOfDates = new[] { new DateOnly(thisYear - 1, 12, 31), new DateOnly(thisYear - 1, 6, 30), new DateOnly(thisYear - 2, 12, 31), TestClock.Today };
        foreach (var asOf in asOfDates)
        {
            foreach (var year in Enumerable.Range(thisYear - 3, 4))
            {
                var fromReadModel = await reports.ProduceAsync(new ReportQuery(DemoAgencies.District, true, year, null, asOf), default);
                var fromHistories = AnnualReports.Produce(states.Select(CaseRecord.From),
                    new ReportRequest(AgencySelection.WithEverythingUnder(DemoAgencies.District, tree), year, asOf));

                Assert.Equal(JsonReportWriter.Write(fromHistories), JsonReportWriter.Write(fromReadModel));
            }
        }

        Assert.True(states.Count > 800);
        Assert.Contains(states, s => s.Appeals.Any(a => a.FiledOn.Year > s.Closure?.On.Year));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
