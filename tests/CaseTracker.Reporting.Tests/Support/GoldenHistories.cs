using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>
/// Case histories, made of real commands run through the decider, whose year is the reference table: the counts of
/// rows 一, 二 and 三 and of section 四 are read from the reference file; 四 follows from the histories. Around them:
/// cases closed the year before, cases received the year after, cases that closed after the year ended, an agency
/// outside the district, and applicant types entered wrongly and corrected.
/// </summary>
public static class GoldenHistories
{
    private static readonly string[] Frame = ["received", "carried_in", "total", "carried_out"];

    public static IReadOnlyList<CaseState> For(Reference reference)
    {
        var year = reference.Year;
        var plans = new List<Plan>();
        for (var c = 0; c < 6; c++)
        {
            plans.AddRange(Column(reference, (ApplicantType)c, year));
            plans.AddRange(Noise((ApplicantType)c, year));
        }

        AttachAppeals(reference, plans.Where(p => p.ClosedInYear is not null && p.Agency != Agencies.Outside).ToList(), year);
        return [.. plans.Select(p => Cases.Run(p.Commands))];
    }

    private static IEnumerable<Plan> Column(Reference reference, ApplicantType type, int year)
    {
        var c = (int)type;
        var closures = reference.Rows.Where(r => !Frame.Contains(r.Code)).SelectMany(r => Enumerable.Repeat(r.Code, r.Values[c])).ToList();
        var carriedIn = reference.Row("carried_in")[c];
        var total = carriedIn + reference.Row("received")[c];
        for (var i = 0; i < total; i++)
        {
            var agency = Agencies.Handling[i % Agencies.Handling.Length];
            var old = i < carriedIn;
            var closes = i < closures.Count;
            var received = old ? new DateOnly(year - 1, 12, 1).AddDays(i % 25)
                : closes ? new DateOnly(year, 1, 3).AddDays(i * 7 % 320) : new DateOnly(year, 12, 12).AddDays(i % 15);
            var plan = new Plan(agency, received, Start(type, agency, received, i));
            var closing = closes ? Closings.For(closures[i], received, Close(old, year, received, i), i).ToList() : [];
            if (i % 9 == 4 && closing.Count <= 1)
            {
                plan.Commands.Add(new Extend(received.AddDays(4), "公开办负责人", "需要调取档案", received.AddDays(5)));
            }

            if (closes)
            {
                plan.Commands.AddRange(closing);
                plan.ClosedInYear = Close(old, year, received, i);
            }
            else if (i % 3 == 0)
            {
                // Still open on 12-31, answered in January: it is 四 of this year all the same.
                plan.Commands.Add(new Answer(new DateOnly(year + 1, 1, 10), Outcome.DisclosedProvided, GroundList.None, "答复"));
            }

            yield return plan;
        }
    }

    private static DateOnly Close(bool old, int year, DateOnly received, int i) =>
        old ? new DateOnly(year, 1, 5).AddDays(i * 11 % 300) : received.AddDays(6 + (i % 15));

    /// <summary>The applicant type is sometimes entered wrongly and corrected: the column is the corrected type.</summary>
    private static List<CaseCommand> Start(ApplicantType type, string agency, DateOnly received, int i)
    {
        var id = Guid.NewGuid();
        if (i % 17 != 5)
        {
            return [Cases.Receive(id, agency, received, type, $"{received.Year}-{i}")];
        }

        var wrong = (ApplicantType)(((int)type + 1) % 6);
        return [Cases.Receive(id, agency, received, wrong, $"{received.Year}-{i}"), new CorrectApplicantType(type, "登记时申请人类型选错", received.AddDays(1))];
    }

    /// <summary>Cases that must not count in the year: closed the year before, received the year after, or outside the district.</summary>
    private static IEnumerable<Plan> Noise(ApplicantType type, int year)
    {
        for (var i = 0; i < 3; i++)
        {
            var before = new DateOnly(year - 1, 3, 1).AddDays(i * 20);
            var closed = new Plan(Agencies.Housing, before, Start(type, Agencies.Housing, before, i));
            closed.Commands.Add(new Answer(before.AddDays(10), Outcome.RefusedStateSecret, GroundList.None, "答复"));
            closed.Commands.Add(new FileReconsideration($"R-{i}", before.AddDays(30), "西城区人民政府"));
            yield return closed;

            var after = new DateOnly(year + 1, 1, 5).AddDays(i);
            yield return new Plan(Agencies.Street, after, Start(type, Agencies.Street, after, i));

            var outside = new DateOnly(year, 6, 1).AddDays(i);
            var elsewhere = new Plan(Agencies.Outside, outside, Start(type, Agencies.Outside, outside, i));
            elsewhere.Commands.Add(new Withdraw(outside.AddDays(3)));
            yield return elsewhere;
        }
    }

    private static void AttachAppeals(Reference reference, List<Plan> closed, int year)
    {
        var next = 0;
        string[] groups = ["行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"];
        for (var g = 0; g < groups.Length; g++)
        {
            (string Column, AppealResult? Result)[] statuses =
                [("结果维持", AppealResult.Upheld), ("结果纠正", AppealResult.Corrected), ("其他结果", AppealResult.Other), ("尚未审结", null)];
            foreach (var (column, result) in statuses)
            {
                for (var n = 0; n < reference.Section4Value($"{groups[g]}/{column}"); n++)
                {
                    var plan = closed[next++ % closed.Count];
                    var id = $"A{g}-{column}-{n}";
                    var filed = plan.ClosedInYear!.Value.AddDays(1);
                    plan.Commands.Add(g == 0 ? new FileReconsideration(id, filed, "西城区人民政府") : new FileLawsuit(id, filed, "西城区人民法院", g == 2));
                    // 尚未审结: not concluded by 12-31 (half are concluded in the following year).
                    var concluded = result is { } r ? (filed.AddDays(3), r) : n % 2 == 0 ? (new DateOnly(year + 1, 2, 1), AppealResult.Upheld) : default;
                    if (concluded.Item1 != default)
                    {
                        plan.Commands.Add(g == 0 ? new ConcludeReconsideration(id, concluded.Item1, concluded.Item2) : new ConcludeLawsuit(id, concluded.Item1, concluded.Item2));
                    }
                }
            }
        }
    }

    private sealed class Plan(string agency, DateOnly received, List<CaseCommand> commands)
    {
        public string Agency { get; } = agency;

        public DateOnly Received { get; } = received;

        public List<CaseCommand> Commands { get; } = commands;

        public DateOnly? ClosedInYear { get; set; }
    }
}
