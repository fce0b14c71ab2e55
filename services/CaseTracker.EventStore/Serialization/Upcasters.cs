using System.Text.Json.Nodes;

namespace CaseTracker.EventStore.Serialization;

/// <summary>
/// Old stored shapes, brought up to the current one on read, one step per version. Stored data is never rewritten.
/// </summary>
public static class Upcasters
{
    private static readonly Dictionary<(string Name, int From), Func<JsonObject, JsonObject>> Steps = new()
    {
        // case.extended v1 had no date on which the applicant was told of the extension (条例第三十三条第二款
        // requires telling the applicant); v1 extensions were told the same day, which v2 records explicitly.
        [("case.extended", 1)] = v1 =>
        {
            v1["applicantToldOn"] = v1["on"]?.DeepClone();
            return v1;
        },

        // case.consultation-started v1 had no day on which the party received the letter (its 15 working days run from
        // then, 条例第三十二条、第三十四条); v1 counted from the day it was sent, which v2 records explicitly.
        [("case.consultation-started", 1)] = v1 =>
        {
            v1["partyReceivedOn"] = v1["on"]?.DeepClone();
            return v1;
        },

        // case.delayed-answer-date-set v1 had no day on which the applicant was told (条例第三十五条); taken as the day it was set.
        [("case.delayed-answer-date-set", 1)] = v1 =>
        {
            v1["applicantToldOn"] = v1["on"]?.DeepClone();
            return v1;
        },
    };

    public static JsonObject Upcast(string name, int storedVersion, int currentVersion, JsonObject payload)
    {
        for (var version = storedVersion; version < currentVersion; version++)
        {
            payload = Steps.TryGetValue((name, version), out var step)
                ? step(payload)
                : throw new InvalidOperationException($"事件 {name} 缺少从第 {version} 版升级的转换");
        }

        return payload;
    }
}
