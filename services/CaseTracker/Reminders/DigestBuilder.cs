using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Search;
using CaseTracker.Users;
using CaseTracker.Web.Auth;

namespace CaseTracker.Reminders;

/// <summary>
/// A user's digest for a day: a caseworker's open cases assigned to them, a supervisor's open cases of every agency they
/// watch. Lists: overdue, due today, due within N working days, supplement notices still to send (条例第三十条: within 7
/// working days of receipt), third-party / other-agency replies (条例第三十二条、第三十四条: 15 working days) and fee
/// payments (国办函〔2020〕109号: 20 working days) coming due within N working days.
/// </summary>
public sealed class DigestBuilder(CaseSearch search, AgencyDirectory agencies, IEventStore store, PolicySource policies)
{
    public async Task<Digest> BuildAsync(UserAccount user, DigestSettings settings, DateOnly date, CancellationToken ct)
    {
        var policy = policies.Current;
        var calendar = policy.Calendar;
        var access = await AccessResolver.ForAsync(new WebUser(user.Name, user.Role, user.Agency), agencies, ct);
        var filter = new CaseFilter { Status = "Open", Sort = "deadline", Descending = false, Assignee = user.Role == Role.Caseworker ? user.Name : null };
        var open = (await search.AllAsync(filter, access, date, ct)).Select(i => i.Row).Where(r => r.ReceivedOn <= date).ToList();
        var soon = calendar.AddWorkingDays(date, Math.Clamp(settings.Within, 1, 20)).Date;
        var wanted = settings.ListsOrAll.ToHashSet();
        var sections = new List<DigestSection>();

        void Add(DigestList list, IEnumerable<DigestItem> items)
        {
            var found = items.ToList();
            if (wanted.Contains(list) && found.Count > 0)
            {
                sections.Add(new DigestSection(list, Digest.Label(list), found));
            }
        }

        DigestItem Item(CaseRow r, DateOnly? due, string note = "") => new(r.CaseId, r.CaseNumber, r.Agency, due, note);
        Add(DigestList.Overdue, open.Where(r => r.Deadline < date).Select(r => Item(r, r.Deadline, "答复期限")));
        Add(DigestList.DueToday, open.Where(r => r.Deadline == date).Select(r => Item(r, r.Deadline, "答复期限")));
        Add(DigestList.DueSoon, open.Where(r => r.Deadline > date && r.Deadline <= soon).Select(r => Item(r, r.Deadline, "答复期限")));
        Add(DigestList.SupplementNotices, open
            .Where(r => r.Status == CaseStatus.Running && !r.SupplementRequested)
            .Select(r => (Row: r, Due: StatutoryClock.SupplementNoticeDue(r.ReceivedOn, calendar, policy.Settings).Date))
            .Where(n => n.Due >= date)
            .OrderBy(n => n.Due)
            .Select(n => Item(n.Row, n.Due, "补正告知最迟")));

        var replies = new List<DigestItem>();
        var fees = new List<DigestItem>();
        if (wanted.Contains(DigestList.ThirdPartyReplies) || wanted.Contains(DigestList.FeePayments))
        {
            foreach (var row in open.Where(r => r.Status == CaseStatus.Paused))
            {
                var state = (await store.LoadCaseAsync(row.CaseId, ct)).AsOf(date);
                foreach (var consultation in state.Consultations.Where(c => c.EndedOn is null))
                {
                    var due = StatutoryClock.ConsultationReplyDue(consultation, calendar, policy.Settings).Date;
                    if (due <= soon)
                    {
                        replies.Add(Item(row, due, $"{consultation.Party}答复期限"));
                    }
                }

                if (state.Fee is { IsPending: true } fee && StatutoryClock.FeePaymentDue(fee, calendar).Date is var paid && paid <= soon)
                {
                    fees.Add(Item(row, paid, "缴费期限"));
                }
            }
        }

        Add(DigestList.ThirdPartyReplies, replies.OrderBy(i => i.Due));
        Add(DigestList.FeePayments, fees.OrderBy(i => i.Due));
        return new Digest(user.Name, settings.Email, date, sections);
    }
}
