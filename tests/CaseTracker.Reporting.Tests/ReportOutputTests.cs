using System.Text;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tests.Support;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Tests;

public class ReportOutputTests
{
    [Theory]
    [InlineData(ReportOutputFormat.Json, ".json", "{")]
    [InlineData(ReportOutputFormat.Html, ".html", "<!DOCTYPE html>")]
    [InlineData(ReportOutputFormat.Markdown, ".md", "# ")]
    [InlineData(ReportOutputFormat.Csv, ".csv", "\uFEFF")]
    [InlineData(ReportOutputFormat.Xlsx, ".xlsx", "PK")]
    [InlineData(ReportOutputFormat.Docx, ".docx", "PK")]
    public void Every_output_format_is_named_after_the_report(ReportOutputFormat format, string extension, string start)
    {
        var rendered = ReportOutput.Render(Reports.District2023, format);

        Assert.Equal($"北京市西城区人民政府2023年政府信息公开工作年度报告{extension}", rendered.FileName);
        Assert.StartsWith(start, Encoding.UTF8.GetString(rendered.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_the_published_2020_report_reports_its_problems_and_the_2023_one_is_accepted()
    {
        var check2020 = ReportImport.Check(Reference.Load(Reference.District2020).Text);
        var check2023 = ReportImport.Check(Reference.Load(Reference.District2023).Text);

        Assert.False(check2020.Accepted);
        Assert.Equal(4, check2020.Problems.Count);
        Assert.True(check2023.Accepted);
    }

    [Fact]
    public void Importing_something_that_is_not_a_report_names_what_is_missing()
    {
        var check = ReportImport.Check("[]");

        Assert.Null(check.Report);
        Assert.Equal(["报告应为一个JSON对象。"], check.Problems);
    }
}
