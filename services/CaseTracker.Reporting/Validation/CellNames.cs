using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Validation;

/// <summary>How a cell is named to a person, e.g. 第四项“结转下年度继续办理”·自然人列.</summary>
public static class CellNames
{
    public static string Row(RowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Role switch
        {
            RowRole.Received => $"第一项“{Strip(spec.Path[0])}”",
            RowRole.CarriedIn => $"第二项“{Strip(spec.Path[0])}”",
            RowRole.CarriedOut => $"第四项“{Strip(spec.Path[0])}”",
            RowRole.Channel => $"第一项“{Strip(spec.Path[0])}”{spec.Path[1]}",
            _ => $"第三项“{string.Join('/', spec.Path.Skip(1))}”",
        };
    }

    public static string Cell(RowSpec spec, int column) => $"{Row(spec)}·{ApplicantColumns.Labels[column]}列";

    public static string Appeal(int group) => $"第四部分（行政复议、行政诉讼）“{Section4Layout.Groups[group]}”";

    private static string Strip(string label) => label.Length > 2 && label[1] == '、' ? label[2..] : label;
}
