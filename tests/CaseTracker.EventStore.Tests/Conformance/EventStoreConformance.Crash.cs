using System.Diagnostics;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_process_killed_in_the_middle_of_a_large_append_leaves_nothing_of_it()
    {
        var stream = NewStream();
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        // Large enough that SQLite spills uncommitted pages into its log before the kill.
        await RunChildAndKillMidAppendAsync(stream, count: 20000, stopAfter: 15000);

        var reopened = await OpenAnotherStoreAsync();
        Assert.Empty(await reopened.ReadStreamAsync(stream));
        Assert.Single(await reopened.ReadAllAsync(LogPosition.Start, int.MaxValue));
        var retry = await reopened.AppendAsync(stream, ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 3, Day));
        Assert.Equal(3, Assert.IsType<AppendResult.Appended>(retry).StreamVersion);
        await Dispose(reopened);
    }

    private async Task RunChildAndKillMidAppendAsync(string stream, int count, int stopAfter)
    {
        var marker = Path.Combine(Path.GetTempPath(), $"casetracker-crash-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "crash-append", Adapter, Target, stream, $"{count}", $"{stopAfter}", marker })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!File.Exists(marker) && !child.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var midAppend = File.Exists(marker);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        File.Delete(marker);
        Assert.True(midAppend, "the child never reached the middle of its append");
    }
}
