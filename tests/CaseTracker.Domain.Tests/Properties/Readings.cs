using System.Collections;
using CaseTracker.Domain.Clock;

namespace CaseTracker.Domain.Tests.Properties;

/// <summary>A clock reading written out in full (lists included), so that two readings compare by content.</summary>
public static class Readings
{
    public static string Describe(ClockReading reading) => string.Join("; ", typeof(ClockReading).GetProperties().Select(p =>
        $"{p.Name}={(p.GetValue(reading) is IEnumerable items and not string ? string.Join(",", items.Cast<object>()) : p.GetValue(reading))}"));
}
