using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Rendering.Grid;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

public class HtmlRendererTests
{
    [Fact]
    public void Section_three_has_the_official_merged_header_cells()
    {
        var html = HtmlReportRenderer.Render(Reports.District2023);

        Assert.Contains("<tr><th rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=\"7\">申请人情况</th></tr>", html);
        Assert.Contains("<tr><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">总计</th></tr>", html);
        Assert.Contains("<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>", html);
        Assert.Contains("<tr><th colspan=\"3\">一、本年新收政府信息公开申请数量</th><td>1283</td><td>21</td><td>0</td><td>0</td><td>2</td><td>202</td><td>1508</td></tr>", html);
        Assert.Contains("<th rowspan=\"22\">三、本年度办理结果</th><th colspan=\"2\">（一）予以公开</th><td>462</td>", html);
        Assert.Contains("<tr><th rowspan=\"8\">（三）不予公开</th><th>1.属于国家秘密</th><td>2</td>", html);
        Assert.Contains("<tr><th rowspan=\"3\">（六）其他处理</th><th>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</th>", html);
        Assert.Contains("<tr><th colspan=\"3\">四、结转下年度继续办理</th><td>41</td>", html);
    }

    [Fact]
    public void Format_2019_prints_other_handling_across_two_label_columns()
    {
        var html = HtmlReportRenderer.Render(Reports.District2020);

        Assert.Contains("<th rowspan=\"20\">三、本年度办理结果</th>", html);
        Assert.Contains("<tr><th colspan=\"2\">（六）其他处理</th><td>59</td><td>13</td><td>0</td><td>0</td><td>0</td><td>0</td><td>72</td></tr>", html);
        Assert.Contains("<tr><th rowspan=\"2\">其他对外管理服务事项</th><th>行政检查</th><td>436</td><td>-174</td><td>453518</td></tr>", html);
        Assert.Contains("<tr><th>行政强制</th><td>86</td><td>+33</td><td>10817</td></tr>", html);
    }

    [Fact]
    public void Section_four_has_the_official_merged_header_cells_and_the_15_numbers()
    {
        var html = HtmlReportRenderer.Render(Reports.District2023);

        Assert.Contains("<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>", html);
        Assert.Contains("<tr><th rowspan=\"2\">结果维持</th><th rowspan=\"2\">结果纠正</th><th rowspan=\"2\">其他结果</th><th rowspan=\"2\">尚未审结</th><th rowspan=\"2\">总计</th><th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>", html);
        Assert.Contains("<tr><td>138</td><td>8</td><td>92</td><td>8</td><td>246</td><td>15</td><td>0</td><td>1</td><td>1</td><td>17</td><td>9</td><td>0</td><td>0</td><td>1</td><td>10</td></tr>", html);
    }

    [Fact]
    public void The_page_is_printable_and_names_the_report_and_its_date()
    {
        var html = HtmlReportRenderer.Render(Reports.District2023);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@page", html);
        Assert.Contains("<h1>北京市西城区人民政府2023年政府信息公开工作年度报告</h1>", html);
        Assert.Contains("数据截至2024年3月31日", html);
    }

    [Fact]
    public void Every_position_of_every_grid_is_covered_by_exactly_one_cell()
    {
        var grids = new[] { Reports.District2023, Reports.District2020 }
            .SelectMany(r => new[] { ReportGrids.Section3(r), ReportGrids.Section4(r) }.Concat(r.Section2!.Tables.Select(t => ReportGrids.Section2(t))));

        foreach (var grid in grids)
        {
            for (var r = 0; r < grid.RowCount; r++)
            {
                for (var c = 0; c < grid.ColumnCount; c++)
                {
                    Assert.Single(grid.Cells, x => r >= x.Row && r < x.Row + x.RowSpan && c >= x.Column && c < x.Column + x.ColumnSpan);
                }
            }
        }
    }
}
