namespace CaseTracker.Reporting.Validation;

/// <summary>One thing in a table that does not add up. <see cref="Rule"/> is a stable code; the message names the cell in Chinese.</summary>
public sealed record TableProblem(string Rule, string Message)
{
    public const string Missing = "table.missing";
    public const string Negative = "table.negative";
    public const string RowSum = "table.row_sum";
    public const string ResultsTotal = "table.results_total";
    public const string Identity = "table.identity";
    public const string CarriedIn = "table.carried_in";
    public const string AppealTotal = "table.appeal_total";
    public const string Proactive = "table.proactive_continuity";
    public const string Channels = "table.channels";

    public override string ToString() => Message;
}
