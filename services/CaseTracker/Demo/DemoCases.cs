using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Demo;

public sealed record DemoCase(Guid CaseId, string Agency, string CaseNumber, IReadOnlyList<CaseCommand> Commands);

/// <summary>
/// A deterministic, realistic data set to explore: every milestone and outcome, some cases open and overdue, some appealed.
/// The same seed and the same "today" give the same cases; every history passes the real decider.
/// </summary>
public sealed class DemoCases(int seed, DateOnly today, CasePolicy policy)
{
    private static readonly (Outcome Outcome, int Weight)[] Outcomes =
    [
        (Outcome.DisclosedProvided, 34), (Outcome.DisclosedProactivelyPublished, 10), (Outcome.PartiallyDisclosed, 10),
        (Outcome.RefusedStateSecret, 1), (Outcome.RefusedProhibitedByLaw, 1), (Outcome.RefusedSecurityStability, 1),
        (Outcome.RefusedThirdPartyRights, 1), (Outcome.RefusedInternalAffairs, 1), (Outcome.RefusedProcessInformation, 2),
        (Outcome.RefusedEnforcementCaseFile, 1), (Outcome.RefusedAdministrativeQuery, 1),
        (Outcome.UnavailableNotHeld, 18), (Outcome.UnavailableDoesNotExist, 5), (Outcome.UnavailableHeldByOtherAgency, 4),
        (Outcome.UnavailableNeedsCreation, 1), (Outcome.NotProcessedPetition, 4), (Outcome.NotProcessedRepeat, 1),
        (Outcome.NotProcessedPublication, 1), (Outcome.NotProcessedExcessive, 1), (Outcome.NotProcessedConfirmation, 1),
        (Outcome.OtherOther, 2),
    ];

    private readonly Random _random = new(seed);
    private readonly WorkingCalendar _calendar = policy.Calendar;

    /// <summary><paramref name="perYear"/> requests a year for <paramref name="years"/> years up to today.</summary>
    public IEnumerable<DemoCase> Generate(int perYear, int years)
    {
        var first = new DateOnly(today.Year - years + 1, 1, 1);
        var span = today.DayNumber - first.DayNumber;
        var total = perYear * years * span / (years * 365);
        var numbers = new Dictionary<(string, int), int>();
        for (var i = 0; i < total; i++)
        {
            var received = first.AddDays(_random.Next(span + 1));
            var agency = Pick(DemoAgencies.All.Select(a => (a.Name, a.Weight)));
            var key = (agency, received.Year);
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            var caseNumber = $"{received.Year}-{AgencyCode(agency)}-{numbers[key]:D4}";
            var caseId = DeterministicGuid(seed, i);
            yield return new DemoCase(caseId, agency, caseNumber, History(caseId, agency, caseNumber, received, i));
        }
    }

    private List<CaseCommand> History(Guid caseId, string agency, string number, DateOnly received, int index)
    {
        var commands = new List<CaseCommand>();
        var state = CaseState.Initial;
        bool Try(CaseCommand command)
        {
            if (command.On > today)
            {
                return false;
            }

            try
            {
                foreach (var e in CaseDecider.Decide(command, state, policy))
                {
                    state = CaseDecider.Evolve(state, e);
                }

                commands.Add(command);
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        }

        var type = Pick(Vocabulary.ApplicantTypes.Select((t, i) => (t.Type, i == 0 ? 88 : i == 1 ? 8 : 1)));
        var channel = Pick(Vocabulary.Channels.Select((c, i) => (c.Channel, new[] { 20, 25, 5, 35, 10, 3, 2 }[i])));
        var subject = DeterministicGuid(seed + 7, index);
        var applicant = new PersonalData(subject, DemoNames.Person(_random), DemoNames.IdNumber(_random), DemoNames.Phone(_random), DemoNames.Address(_random));
        Try(new Receive(caseId, agency, number, received, channel, type, applicant, DemoNames.Request(_random),
            _random.Next(3) == 0 ? "电子数据" : "纸质"));

        var roll = _random.Next(100);
        if (roll < 9)
        {
            var asked = Working(received, 1 + _random.Next(_random.Next(10) == 0 ? 12 : 6));
            Try(new RequestSupplement(asked,
                "请明确所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述", Working(asked, 15)));
            if (_random.Next(10) < 3)
            {
                Try(new LapseSupplement(Working(asked, 16)));
                return Appeals(commands, Try, state);
            }

            Try(new RecordSupplement(Working(asked, 2 + _random.Next(10))));
        }
        else if (roll < 15)
        {
            var started = Working(received, 3 + _random.Next(5));
            Try(new StartConsultation("第三方-1", ConsultationKind.ThirdParty, "相关企业", started));
            var end = Working(started, 5 + _random.Next(12));
            // The third party has 15 working days from receiving the letter (here: the day it went out); silence is recorded after them.
            Try(_random.Next(4) == 0 ? new LapseConsultation("第三方-1", Working(started, 16)) : new RecordConsultationAnswer("第三方-1", end));
        }
        else if (roll < 18)
        {
            var started = Working(received, 2 + _random.Next(5));
            Try(new StartConsultation("其他机关-1", ConsultationKind.OtherAgency, "示范市规划和自然资源委员会", started));
            Try(new RecordConsultationAnswer("其他机关-1", Working(started, 3 + _random.Next(12))));
        }
        else if (roll < 20 && received.Year >= 2021)
        {
            var notice = Working(received, 10);
            Try(new IssueFeeNotice(notice, 100 + (_random.Next(20) * 10), _random.Next(2) == 0 ? FeeMethod.PerItem : FeeMethod.PerVolume, Working(notice, 2)));
            if (_random.Next(3) == 0)
            {
                Try(new LapseFee(Working(notice, 23)));
                return Appeals(commands, Try, state);
            }

            Try(new RecordFeePayment(Working(notice, 3 + _random.Next(10))));
        }

        if (_random.Next(100) < 10)
        {
            var due = StatutoryClock.Read(state, today, _calendar, policy.Settings).Deadline;
            if (due is { } d)
            {
                Try(new Extend(Earlier(d, 1 + _random.Next(4)), "公开办负责人", "需要调取档案核实", Earlier(d, 1)));
            }
        }

        if (_random.Next(100) < 3)
        {
            Try(new Withdraw(Working(received, 2 + _random.Next(10))));
            return Appeals(commands, Try, state);
        }

        var reading = StatutoryClock.Read(state, today, _calendar, policy.Settings);
        if (reading.Deadline is not { } deadline)
        {
            return commands;
        }

        // A few recent cases stay open, and a few of those run past their deadline.
        var lateness = _random.Next(100) < 4 ? 3 + _random.Next(8) : 0;
        var answered = lateness > 0 ? Working(deadline, lateness) : Earlier(deadline, _random.Next(12));
        var outcome = state.Supplement?.ReceivedOn is not null && _random.Next(5) == 0
            ? Outcome.UnavailableUnclearAfterSupplement
            : Pick(Outcomes);
        var grounds = outcome == Outcome.PartiallyDisclosed
            ? new GroundList([_random.Next(2) == 0 ? Outcome.RefusedThirdPartyRights : Outcome.RefusedProcessInformation])
            : GroundList.None;
        var latest = commands.Max(c => c.On);
        if (outcome == Outcome.NotProcessedExcessive)
        {
            // 条例第三十五条: the applicant is asked to explain before the request is set aside as excessive.
            Try(new RequestReasons(Working(received, 2)));
        }

        // 条例第三十六条第（六）项: a repeated request names the earlier one that was answered.
        Try(new Answer(answered < latest ? latest : answered, outcome, grounds, "",
            RepeatOf: outcome == Outcome.NotProcessedRepeat ? $"{received.Year - 1}-0001" : null));
        return Appeals(commands, Try, state);
    }

    private List<CaseCommand> Appeals(List<CaseCommand> commands, Func<CaseCommand, bool> @try, CaseState state)
    {
        if (commands.Count == 0 || commands[^1] is not (Answer or LapseSupplement or LapseFee) || _random.Next(100) >= 6)
        {
            return commands;
        }

        var closed = commands[^1].On;
        var filed = closed.AddDays(10 + _random.Next(40));
        var reconsidered = _random.Next(4) != 0;
        if (reconsidered)
        {
            @try(new FileReconsideration("复议-1", filed, "示范市青山区人民政府"));
            var concluded = filed.AddDays(40 + _random.Next(40));
            if (_random.Next(6) != 0 && @try(new ConcludeReconsideration("复议-1", concluded, PickResult())) && _random.Next(4) == 0)
            {
                var sued = concluded.AddDays(5 + _random.Next(10));
                @try(new FileLawsuit("诉讼-1", sued, "示范市青山区人民法院", AfterReconsideration: true));
                @try(new ConcludeLawsuit("诉讼-1", sued.AddDays(90 + _random.Next(90)), PickResult()));
            }
        }
        else
        {
            @try(new FileLawsuit("诉讼-1", filed, "示范市青山区人民法院", AfterReconsideration: false));
            if (_random.Next(5) != 0)
            {
                @try(new ConcludeLawsuit("诉讼-1", filed.AddDays(90 + _random.Next(120)), PickResult()));
            }
        }

        return commands;
    }

    private AppealResult PickResult() => Pick([(AppealResult.Upheld, 7), (AppealResult.Corrected, 1), (AppealResult.Other, 2)]);

    private DateOnly Working(DateOnly from, int days) => _calendar.AddWorkingDays(from, days).Date;

    private DateOnly Earlier(DateOnly from, int days)
    {
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(-1);
            counted += _calendar.IsWorkingDay(date) ? 1 : 0;
        }

        return date;
    }

    private T Pick<T>(IEnumerable<(T Value, int Weight)> choices)
    {
        var list = choices.ToList();
        var roll = _random.Next(list.Sum(c => c.Weight));
        foreach (var (value, weight) in list)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return list[^1].Value;
    }

    private static string AgencyCode(string agency) => $"{DemoAgencies.All.ToList().FindIndex(a => a.Name == agency) + 1:D2}";

    private static Guid DeterministicGuid(int seed, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[4..], index);
        BitConverter.TryWriteBytes(bytes[8..], 0x43415345_54524B52L);
        return new Guid(bytes);
    }
}
