using System.Text.Json;
using CaseTracker.Composition;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reports;

namespace CaseTracker.Tests;

public sealed class Section2ReportTests : IDisposable
{
    private const string Agency = "某区司法局";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Section_two_as_entered_is_printed_in_the_report_the_command_line_produces()
    {
        var location = "sqlite:" + _folder.File("store.db");
        var cli = new CliRunner(location);
        await File.WriteAllTextAsync(_folder.File("agencies.csv"), $"名称,上级机关\n{Agency},\n");
        await cli.SucceedAsync("agencies", "import", _folder.File("agencies.csv"));
        await using (var store = await StoreLocation.Parse(location)!.OpenAsync(TimeProvider.System, default))
        {
            var (figures, error) = ProactiveLayout.Template(Agency, 2023, ReportFormat.Format2021).With("第二十条第（五）项", "行政许可", "本年处理决定数量", 4553);
            Assert.Null(error);
            await new Section2Figures(new DocumentStore(store, TimeProvider.System)).SaveAsync(figures!, "test", default);
        }

        await cli.SucceedAsync("report", "--year", "2023", "--agency", Agency, "--output", _folder.File("report.json"));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_folder.File("report.json")));
        var licensing = json.RootElement.GetProperty("section2").GetProperty("第二十条第（五）项").GetProperty("rows").GetProperty("行政许可");
        Assert.Equal(4553m, licensing[0].GetDecimal());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
