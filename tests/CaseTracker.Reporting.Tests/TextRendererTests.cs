using System.Text;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

public class TextRendererTests
{
    [Fact]
    public void Csv_is_utf8_with_a_byte_order_mark_and_one_line_per_row()
    {
        var bytes = CsvReportRenderer.Render(Reports.District2023);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\r\n项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\r\n", text);
        Assert.Contains("\r\n一、本年新收政府信息公开申请数量,1283,21,0,0,2,202,1508\r\n", text);
        Assert.Contains("\r\n三、本年度办理结果/（三）不予公开/1.属于国家秘密,2,0,0,0,0,0,2\r\n", text);
        Assert.Contains("\r\n行政诉讼/复议后起诉,9,0,0,1,10\r\n", text);
        Assert.Contains("\r\n行政事业性收费,14828.7092\r\n", text);
    }

    [Fact]
    public void Markdown_has_a_table_per_section()
    {
        var markdown = MarkdownReportRenderer.Render(Reports.District2023);

        Assert.Contains("## 三、收到和处理政府信息公开申请情况", markdown);
        Assert.Contains("| 一、本年新收政府信息公开申请数量 | 1283 | 21 | 0 | 0 | 2 | 202 | 1508 |", markdown);
        Assert.Contains("| 四、结转下年度继续办理 | 41 | 0 | 0 | 0 | 0 | 0 | 41 |", markdown);
        Assert.Contains("| 行政复议 | 138 | 8 | 92 | 8 | 246 |", markdown);
        Assert.Contains("| 行政规范性文件 | 21 | 15 | 113 |", markdown);
    }
}
