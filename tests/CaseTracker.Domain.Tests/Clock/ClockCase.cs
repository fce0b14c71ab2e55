using System.Globalization;
using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>One row of ClockCases.csv: a history written in a small notation, and what the clock must say of it.</summary>
public sealed record ClockCase(
    string Id, string Receipt, string Events, string Settings, string AsOf,
    string Deadline, bool Provisional, string DaysLeft, string Overdue, string Status, string Derivation)
{
    public static IReadOnlyList<ClockCase> All { get; } = Load();

    public ClockSettings ClockSettings => new(
        DayOneIsNextWorkingDay: !Settings.Contains("day1same", StringComparison.Ordinal),
        FeeNoticePausesClock: !Settings.Contains("feepauseoff", StringComparison.Ordinal));

    public WorkingCalendar Calendar => Settings.Contains("cal2027", StringComparison.Ordinal) ? Notice2027.Calendar : WorkingCalendar.BuiltIn;

    /// <summary>The history, built through the decider so that it is one the product accepts.</summary>
    public CaseState Build()
    {
        var stream = new CaseStream(new CasePolicy(Calendar, ClockSettings)).Do(Receive(Receipt));
        var consultations = 0;
        foreach (var token in Events.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (kind, value) = (token[..token.IndexOf(':', StringComparison.Ordinal)], token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var (from, to) = value.Contains('>', StringComparison.Ordinal) ? (value.Split('>')[0], value.Split('>')[1]) : (value, null);
            switch (kind)
            {
                case "sup":
                    stream.Do(new C.RequestSupplement(D(from), "请补充所需信息的名称", D(from).AddDays(30)));
                    if (to is not null) stream.Do(new C.RecordSupplement(D(to)));
                    break;
                case "tp" or "oa" or "tplapse":
                    var id = $"c{++consultations}";
                    stream.Do(new C.StartConsultation(id, kind == "oa" ? ConsultationKind.OtherAgency : ConsultationKind.ThirdParty, "某单位", D(from)));
                    if (to is not null) stream.Do(kind == "tplapse" ? new C.LapseConsultation(id, D(to)) : new C.RecordConsultationAnswer(id, D(to)));
                    break;
                case "ext":
                    stream.Do(Extend(from));
                    break;
                case "fee":
                    stream.Do(new C.IssueFeeNotice(D(from.Split('/')[0]), 80m, FeeMethod.PerVolume, D(from.Split('/')[1])));
                    if (to is not null) stream.Do(new C.RecordFeePayment(D(to)));
                    break;
                case "feelapse":
                    stream.Do(new C.IssueFeeNotice(D(from.Split('/')[0]), 80m, FeeMethod.PerVolume, D(from.Split('/')[1])), new C.LapseFee(D(to!)));
                    break;
                case "delay":
                    stream.Do(new C.RequestReasons(D(from.Split('/')[0])), new C.SetDelayedAnswerDate(D(from.Split('/')[1]), D(to!)));
                    break;
                case "answer":
                    stream.Do(Answer(from, Outcome.DisclosedProvided));
                    break;
                case "withdraw":
                    stream.Do(new C.Withdraw(D(from)));
                    break;
                case "suplapse":
                    stream.Do(new C.RequestSupplement(D(from), "请补充所需信息的名称", D(from).AddDays(15)), new C.LapseSupplement(D(to!)));
                    break;
                default:
                    throw new InvalidDataException($"ClockCases.csv row {Id}: unknown event '{token}'");
            }
        }

        return stream.State;
    }

    public override string ToString() => Id;

    private static List<ClockCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Clock", "ClockCases.csv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && char.IsDigit(line[0]))
            .Select(line => line.Split(',', 11))
            .Select(f => new ClockCase(f[0], f[1], f[2], f[3], f[4], f[5], bool.Parse(f[6]), f[7], f[8], f[9], f[10]))
            .ToList();
    }
}
