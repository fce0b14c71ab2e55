using System.CommandLine;
using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Demo;
using CaseTracker.Ledger;
using CaseTracker.ReadModels;
using CaseTracker.Reports;

namespace CaseTracker.Cli;

public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("CaseTracker：政府信息公开申请（依申请公开）的办理、期限监督与年度报告统计。")
        {
            DemoVerb.Create(),
            LedgerVerbs.Import(),
            LedgerVerbs.Export(),
            ReportVerbs.Report(),
            ReportVerbs.CheckReport(),
            AgencyVerbs.Create(),
            CalendarVerbs.Create(),
            ReadModelVerbs.Create(),
            ServeVerb.Create(),
            Letters.LetterVerb.Create(),
            Reminders.DigestVerb.Create(),
            Users.UserVerbs.Create(),
            Erasure.ErasureVerbs.Erase(),
            Erasure.ErasureVerbs.Retention(),
        };
        root.Options.Add(CliOptions.Store);
        return root;
    }
}
