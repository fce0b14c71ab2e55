using CaseTracker.EventStore.Projections;
using Spectre.Console;

namespace CaseTracker.Cli;

/// <summary>A progress bar on a terminal; plain progress lines (every 10%) when the output is redirected.</summary>
public static class ProgressReporter
{
    public static async Task<T> RunAsync<T>(string title, TextWriter output, Func<IProgress<ReplayProgress>, Task<T>> work)
    {
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                var result = await work(new Progress<ReplayProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
                return result;
            });
        }

        var lastDecile = -1L;
        return await work(new SynchronousProgress(p =>
        {
            var decile = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
            if (decile != lastDecile)
            {
                lastDecile = decile;
                output.WriteLine($"{title}：{p.Done}/{p.Total}（{decile * 10}%）");
            }
        }));
    }

    private sealed class SynchronousProgress(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}
