using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;

var sw = System.Diagnostics.Stopwatch.StartNew();
var cases = new DemoCases(2026, new DateOnly(2026, 11, 23), CasePolicy.Default).Generate(1500, 4).ToList();
Console.WriteLine($"{cases.Count} cases, {cases.Sum(c => c.Commands.Count)} commands in {sw.ElapsedMilliseconds} ms");
var states = cases.Select(c => CaseDecider.Fold(c.Commands.SelectMany((_, i) => Array.Empty<CaseEvent>()))).ToList();
foreach (var g in cases.SelectMany(c => c.Commands).GroupBy(c => c.GetType().Name).OrderBy(g => g.Key)) Console.WriteLine($"{g.Key} {g.Count()}");
