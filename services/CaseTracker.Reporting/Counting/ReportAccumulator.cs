using System.Collections.Immutable;
using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Counting;

/// <summary>
/// Counts cases one at a time into the cells of sections 三 and 四 (no per-case list is kept, so a store can stream
/// a million records through it). Counting rules, domain.md §4: 一 received in the year; 二 received earlier and open
/// at the end of the previous year; 三 closed in the year, by final outcome; 四 open at the end of the year; the column
/// is the applicant type as corrected. Appeals count in the year filed, with their status at the end of that year.
/// </summary>
public sealed class ReportAccumulator
{
    private readonly ReportRequest _request;
    private readonly IReadOnlyList<RowSpec> _layout;
    private readonly Dictionary<string, int> _rowOf;
    private readonly int[,] _counts;
    private readonly int[,] _appeals = new int[3, 4];
    private readonly int _received;
    private readonly int _carriedIn;
    private readonly int _carriedOut;
    private readonly Dictionary<Channel, int> _channels = [];
    private readonly Dictionary<Channel, int>[] _channelsByColumn = [.. Enumerable.Range(0, ApplicantColumns.TypeCount).Select(_ => new Dictionary<Channel, int>())];
    private int _feeNotices;
    private decimal _feeAmount;
    private decimal _feesCollected;

    public ReportAccumulator(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _layout = Section3Layout.For(request.EffectiveFormat);
        _rowOf = _layout.Select((spec, i) => (spec.Code, i)).ToDictionary(x => x.Code, x => x.i);
        _counts = new int[_layout.Count, ApplicantColumns.TypeCount];
        _received = _rowOf["received"];
        _carriedIn = _rowOf["carried_in"];
        _carriedOut = _rowOf["carried_out"];
    }

    public int CasesCounted { get; private set; }

    /// <summary>Records left out because their applicant type or outcome is not one the tables know (a damaged read model).</summary>
    public int RecordsUnreadable { get; private set; }

    public void Add(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_request.Agencies.Contains(record.Agency) || record.ReceivedOn > _request.AsOf)
        {
            return;
        }

        if (!Enum.IsDefined(record.ApplicantType) || record.Outcome is { } o && !Enum.IsDefined(o))
        {
            RecordsUnreadable++;
            return;
        }

        CasesCounted++;
        var column = ApplicantColumns.IndexOf(record.ApplicantType);
        var (start, end, previousEnd) = (_request.YearStart, _request.Cutoff, _request.PreviousCutoff);
        if (record.ReceivedOn >= start && record.ReceivedOn <= end)
        {
            _counts[_received, column]++;
            _channels[record.Channel] = _channels.GetValueOrDefault(record.Channel) + 1;
            _channelsByColumn[column][record.Channel] = _channelsByColumn[column].GetValueOrDefault(record.Channel) + 1;
        }

        if (record.Fee is { } fee)
        {
            if (fee.NoticeOn >= start && fee.NoticeOn <= end)
            {
                _feeNotices++;
                _feeAmount += fee.Amount;
            }

            if (fee.PaidOn is { } paid && paid >= start && paid <= end)
            {
                _feesCollected += fee.PaidAmount ?? fee.Amount;
            }
        }

        if (record.ReceivedOn <= previousEnd && !(record.ClosedOn <= previousEnd))
        {
            _counts[_carriedIn, column]++;
        }

        if (record.ClosedOn is { } closed && closed >= start && closed <= end && record.Outcome is { } outcome)
        {
            _counts[_rowOf[outcome.RowCode(_request.EffectiveFormat)], column]++;
        }

        if (record.ReceivedOn <= end && !(record.ClosedOn <= end))
        {
            _counts[_carriedOut, column]++;
        }

        foreach (var appeal in record.Appeals)
        {
            AddAppeal(appeal, start, end);
        }
    }

    /// <summary>An appeal not tied to a request (主动公开, or a request not in the system): counted in section 四 like any other.</summary>
    public void AddAgencyAppeal(AgencyAppealRecord appeal)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        if (_request.Agencies.Contains(appeal.Agency) && appeal.Appeal.FiledOn <= _request.AsOf)
        {
            AddAppeal(appeal.Appeal.AsOf(_request.AsOf), _request.YearStart, _request.Cutoff);
        }
    }

    public AnnualReport Build()
    {
        var rows = _layout.Select((spec, i) => new Section3Row(spec.Code, spec.Label, RowValues(spec, i))).ToImmutableArray();
        var section4 = new Section4Table(Group(0), Group(1), Group(2));
        var format = _request.EffectiveFormat;
        return new AnnualReport(_request.Agencies.Agency, _request.Year, format, _request.AsOf,
            new Section3Table(format, rows), section4, _request.Section2)
        {
            Section6 = new FeeSection(_feeNotices, _feeAmount, _feesCollected),
            Channels = ChannelLines.Of(_channels, format),
        };
    }

    private void AddAppeal(AppealRecord appeal, DateOnly start, DateOnly end)
    {
        if (appeal.FiledOn < start || appeal.FiledOn > end)
        {
            return;
        }

        var group = appeal.Kind == AppealKind.Reconsideration ? 0 : appeal.AfterReconsideration ? 2 : 1;
        var status = appeal.ConcludedOn <= end && appeal.Result is { } result
            ? result switch { AppealResult.Upheld => 0, AppealResult.Corrected => 1, _ => 2 }
            : 3;
        _appeals[group, status]++;
    }

    private AppealCounts Group(int g)
    {
        int[] v = [_appeals[g, 0], _appeals[g, 1], _appeals[g, 2], _appeals[g, 3]];
        return new AppealCounts(v[0], v[1], v[2], v[3], v.Sum());
    }

    private ImmutableArray<int> RowValues(RowSpec spec, int row)
    {
        var values = new int[ApplicantColumns.Labels.Count];
        for (var c = 0; c < ApplicantColumns.TypeCount; c++)
        {
            values[c] = spec.Role switch
            {
                RowRole.Total => _layout.Select((s, i) => s.Role == RowRole.Outcome ? _counts[i, c] : 0).Sum(),
                RowRole.Channel => _channelsByColumn[c].Where(x => Section3Layout.ChannelCode(x.Key) == spec.Code).Sum(x => x.Value),
                _ => _counts[row, c],
            };
        }

        values[ApplicantColumns.TotalIndex] = values.Take(ApplicantColumns.TypeCount).Sum();
        return [.. values];
    }
}
