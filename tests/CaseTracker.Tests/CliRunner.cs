using System.CommandLine;
using CaseTracker.Cli;
using CaseTracker.Demo;

namespace CaseTracker.Tests;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real <c>casetracker</c> command line in-process, against a real store file, capturing what it prints.</summary>
public sealed class CliRunner(string store)
{
    public string Store { get; } = store;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.Build().Parse([.. args, "--store", Store]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"casetracker {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}{result.Output}");
        return result;
    }
}

/// <summary>A fresh folder per test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("casetracker-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
