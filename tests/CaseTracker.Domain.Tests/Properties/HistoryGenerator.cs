using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Properties;

/// <summary>
/// Seeded random case histories, made through the decider: random commands are proposed and the refused ones dropped,
/// so every history is one the product accepts. Same seed, same history.
/// </summary>
public sealed class HistoryGenerator(int seed, CasePolicy? policy = null)
{
    private static readonly Outcome[] Decisions = Enum.GetValues<Outcome>().Where(o => o.IsDecision() && !o.IsLegacy() && o != Outcome.PartiallyDisclosed).ToArray();
    private static readonly Outcome[] Grounds = Enum.GetValues<Outcome>().Where(o => o.IsWithholdingGround()).ToArray();

    private readonly Random _random = new(seed);

    public CasePolicy Policy { get; } = policy ?? CasePolicy.Default;

    public CaseStream Generate(bool mayClose = true, int steps = 12)
    {
        var receipt = new DateOnly(2016, 1, 1).AddDays(_random.Next(0, 3960));
        var stream = new CaseStream(Policy).Do(new C.Receive(CaseId, "某区政务服务局", $"G-{seed}", receipt,
            (Channel)_random.Next(7), (ApplicantType)_random.Next(6), null, "随机生成的申请", "电子"));
        var date = receipt;
        var consultations = 0;
        for (var i = 0; i < steps; i++)
        {
            date = date.AddDays(_random.Next(0, 12));
            var command = Propose(stream.State, date, mayClose, ref consultations);
            if (command is null)
            {
                continue;
            }

            try
            {
                stream.Do(command);
            }
            catch (DomainException)
            {
                // Refused: the history stays as it was, valid.
            }
        }

        return stream;
    }

    public int Next(int min, int max) => _random.Next(min, max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public Outcome RandomDecision() => Pick(Decisions);

    public GroundList RandomGrounds(Outcome outcome) =>
        outcome == Outcome.PartiallyDisclosed ? new GroundList([Pick(Grounds)]) : GroundList.None;

    private C? Propose(CaseState s, DateOnly date, bool mayClose, ref int consultations)
    {
        var open = s.Consultations.Where(c => c.IsOpen).Select(c => c.Id).ToList();
        switch (_random.Next(mayClose ? 15 : 11))
        {
            case 0: return new C.RequestSupplement(date, "请补充文号", date.AddDays(_random.Next(2) == 0 ? 10 : 15));
            case 1: return new C.RecordSupplement(date);
            case 2 or 3: return new C.StartConsultation($"c{++consultations}", (ConsultationKind)_random.Next(2), "某单位", date);
            case 4 or 5: return open.Count == 0 ? null : _random.Next(3) == 0 ? new C.LapseConsultation(Pick(open), date) : new C.RecordConsultationAnswer(Pick(open), date);
            case 6: return new C.Extend(date, "公开办主任", "情形复杂", date.AddDays(_random.Next(0, 3)));
            case 7: return new C.IssueFeeNotice(date, 100m, (FeeMethod)_random.Next(2), date.AddDays(_random.Next(0, 4)));
            case 8: return new C.RecordFeePayment(date);
            case 9: return new C.RequestReasons(date);
            case 10: return new C.SetDelayedAnswerDate(date, date.AddDays(_random.Next(1, 60)));
            case 11: return new C.LapseSupplement(date);
            case 12: return new C.LapseFee(date);
            case 13: return new C.Withdraw(date);
            default:
                var outcome = _random.Next(4) == 0 ? Outcome.PartiallyDisclosed : RandomDecision();
                return new C.Answer(date, outcome, RandomGrounds(outcome), "", RepeatOf: outcome == Outcome.NotProcessedRepeat ? "2020-001" : null);
        }
    }
}
