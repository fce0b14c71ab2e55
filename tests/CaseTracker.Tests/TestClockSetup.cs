using System.Runtime.CompilerServices;
using CaseTracker.Testing;

namespace CaseTracker.Tests;

/// <summary>Every host this assembly starts (in-process or as a child process) runs on the test clock (<see cref="TestClock"/>).</summary>
internal static class TestClockSetup
{
    [ModuleInitializer]
    internal static void Install() => TestClock.Install();
}
