using System.Text;

namespace CaseTracker.Ledger.Tests;

/// <summary>Every bad input of the ledger contract gives its Chinese error, on its row and column, and no commands.</summary>
public class BadInputTests
{
    [Fact]
    public void Missing_required_column_is_named_and_nothing_is_imported()
    {
        var file = LedgerFiles.Csv(["编号", "办理机关", "收到日期", "申请人类型"], ["1", "某局", "2023-03-07", "自然人"]);

        var error = Imports.Plan(file).SingleError();

        Assert.Equal("申请方式", error.Column);
        Assert.Equal(1, error.Row);
        Assert.StartsWith("缺少必填列“申请方式”", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\t')]
    [InlineData(';')]
    public void A_file_separated_by_tabs_or_semicolons_is_named_as_such(char separator)
    {
        var file = Encoding.UTF8.GetBytes(string.Join(separator, LedgerFiles.RequiredHeader) + "\r\n" + string.Join(separator, "1", "某局", "2023-03-07", "自然人", "网络") + "\r\n");

        var error = Imports.Plan(file).SingleError();

        Assert.Equal(1, error.Row);
        Assert.StartsWith("表头只有一列，其中含有制表符或分号：文件似乎不是用英文逗号分隔的。", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_column_is_an_error()
    {
        var file = LedgerFiles.Csv([.. LedgerFiles.RequiredHeader, "答复日期", "答复日期"], ["1", "某局", "2023-03-07", "自然人", "网络", "", ""]);

        var error = Imports.Plan(file).SingleError();

        Assert.Equal("答复日期", error.Column);
        Assert.Contains("出现了不止一次", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-02-30", "不是存在的日期")]
    [InlineData("2023/2/30", "不是存在的日期")]
    [InlineData("2023.2.30", "不是存在的日期")]
    [InlineData("2023年2月30日", "不是存在的日期")]
    [InlineData("2023-13-01", "不是存在的日期")]
    [InlineData("23/3/7", "不是可接受的日期格式")]
    [InlineData("7/3/2023", "不是可接受的日期格式")]
    [InlineData("2023-03-07 10:00", "不是可接受的日期格式")]
    [InlineData("三月七日", "不是可接受的日期格式")]
    [InlineData("1999-03-07", "不在2000年至2099年之间")]
    public void Bad_date_names_row_column_and_the_accepted_forms(string date, string why)
    {
        var file = LedgerFiles.Csv(LedgerFiles.Row(), LedgerFiles.Row("2023-002").With("收到日期", date));

        var error = Imports.Plan(file).SingleError();

        Assert.Equal(3, error.Row);
        Assert.Equal("收到日期", error.Column);
        Assert.Contains(why, error.Reason, StringComparison.Ordinal);
        if (why != "不在2000年至2099年之间")
        {
            Assert.Contains("2023-03-07、2023/3/7、2023.3.7、2023年3月7日", error.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("申请人类型", "个人", "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他")]
    [InlineData("申请方式", "微信", "当面、邮寄、平常信函、网络、电子邮件、传真、其他、信函、互联网、电话")]
    [InlineData("征求意见对象", "专家", "第三方、其他机关")]
    [InlineData("诉讼类型", "直接起诉", "未经复议直接起诉、复议后起诉")]
    public void Unknown_vocabulary_lists_the_accepted_values(string column, string value, string accepted)
    {
        var row = LedgerFiles.Row().With(column, value)
            .With("征求意见开始日期", column == "征求意见对象" ? "2023-03-10" : "")
            .With("行政诉讼日期", column == "诉讼类型" ? "2023-06-10" : "");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal(column, error.Column);
        Assert.Equal($"“{value}”不是“{column}”的可选值。可选值：{accepted}。", error.Reason);
    }

    [Theory]
    [InlineData("行政复议结果", "行政复议日期", "行政复议审结日期")]
    [InlineData("行政诉讼结果", "行政诉讼日期", "行政诉讼审结日期")]
    public void Unknown_appeal_result_lists_the_accepted_results(string column, string filed, string concluded)
    {
        var row = LedgerFiles.Row().With(filed, "2023-05-10").With(column, "胜诉").With(concluded, "2023-06-10")
            .With("诉讼类型", filed == "行政诉讼日期" ? "未经复议直接起诉" : "");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal(column, error.Column);
        Assert.Equal($"“胜诉”不是“{column}”的可选值。可选值：结果维持、结果纠正、其他结果。", error.Reason);
    }

    [Fact]
    public void Unknown_disposition_lists_the_seven_dispositions()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "同意公开");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("答复类型", error.Column);
        Assert.Equal("“同意公开”不是“答复类型”的可选值。可选值：予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、撤回。", error.Reason);
    }

    [Fact]
    public void Unknown_detail_lists_the_details_of_its_disposition()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "无法提供").With("具体情形", "查无此件");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("具体情形", error.Column);
        Assert.Equal("“查无此件”不是答复类型“无法提供”的具体情形。可选值：本机关不掌握相关政府信息、信息不存在、非本机关负责公开、没有现成信息需要另行制作、补正后申请内容仍不明确。", error.Reason);
    }

    [Fact]
    public void Refusal_without_its_detail_is_an_error()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "不予公开");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("具体情形", error.Column);
        Assert.StartsWith("答复类型为“不予公开”时须填写具体情形。可选值：属于国家秘密、", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_disclosure_without_grounds_is_accepted_flagged_incomplete_and_listed_as_a_leniency()
    {
        // Issue 13 item 5: an old ledger's 部分公开 without the withheld part's ground is accepted on import for any year.
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "部分公开");

        var plan = Imports.Plan(LedgerFiles.Csv(row));

        Assert.True(plan.IsValid);
        var answer = Assert.IsType<Domain.Cases.CaseCommand.Answer>(plan.CasesToImport.Single().Commands.Last());
        Assert.True(answer.GroundsNotRecorded);
        Assert.Contains((Import.LedgerLeniency.PartialWithoutGround, 1), plan.Leniencies);
    }

    [Fact]
    public void Partial_disclosure_with_a_ground_that_is_not_a_withholding_ground_is_an_error()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "部分公开").With("具体情形", "属于国家秘密；重复申请");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("具体情形", error.Column);
        Assert.StartsWith("部分公开的具体情形应写明不予公开部分的理由，“重复申请”不是不予公开或无法提供的具体情形。", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_before_receipt_is_refused_as_the_live_product_refuses_it()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-03-01").With("答复类型", "予以公开");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal(new LedgerProblem(2, "答复日期", "答复日期2023-03-01早于收到申请日期2023-03-07：答复不能早于收到申请。"), error);
    }

    [Fact]
    public void Supplement_lapse_without_a_supplement_request_is_refused()
    {
        var row = LedgerFiles.Row().With("答复日期", "2023-04-01").With("答复类型", "其他处理").With("具体情形", "逾期不补正");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("具体情形", error.Column);
        Assert.StartsWith("本案没有补正告知，不能登记逾期不补正（条例第三十条", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fee_notice_before_fees_were_in_force_is_refused()
    {
        var row = LedgerFiles.Row(receivedOn: "2020-12-01").With("收费通知日期", "2020-12-10");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("收费通知日期", error.Column);
        Assert.Contains("国办函〔2020〕109号", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_after_the_deadline_is_refused_under_article_33()
    {
        var row = LedgerFiles.Row().With("延期日期", "2023-05-30");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal("延期日期", error.Column);
        Assert.Contains("期限届满后不能再延期（条例第三十三条第二款）", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("补正期限", "补正期限不能早于补正告知日期（条例第三十条）。", "补正告知日期", "2023-03-10", "补正期限", "2023-03-09")]
    [InlineData("补正收到日期", "收到补正日期2023-03-09早于补正告知日期2023-03-10。", "补正告知日期", "2023-03-10", "补正收到日期", "2023-03-09")]
    [InlineData("补正收到日期", "本案正在等待申请人补正，请先登记收到补正或逾期不补正，再作答复。", "补正告知日期", "2023-03-10", "答复类型", "予以公开")]
    [InlineData("征求意见结束日期", "征求意见结束日期2023-03-09早于开始日期2023-03-10。", "征求意见开始日期", "2023-03-10", "征求意见结束日期", "2023-03-09")]
    [InlineData("缴费日期", "缴费日期2023-03-09早于收费通知日期2023-03-10。", "收费通知日期", "2023-03-10", "缴费日期", "2023-03-09")]
    [InlineData("缴费日期", "本案没有收费通知，不能登记缴费。", "申请内容", "x", "缴费日期", "2023-03-09")]
    // Received 2023-03-07, deadline 04-04: a reconsideration before the decision is possible from 04-05 (不作为).
    [InlineData("行政复议审结日期", "审结日期2023-04-09早于立案日期2023-04-10。", "行政复议日期", "2023-04-10", "行政复议审结日期", "2023-04-09")]
    public void Decider_refusals_land_on_the_column_that_caused_them(string column, string reason, string c1, string v1, string c2, string v2)
    {
        var row = LedgerFiles.Row().With(c1, v1).With(c2, v2).With("征求意见对象", c1 == "征求意见开始日期" ? "第三方" : "")
            .With("行政复议结果", c1 == "行政复议日期" ? "结果纠正" : "").With("答复日期", c2 == "答复类型" ? "2023-03-30" : "");

        var error = Imports.Plan(LedgerFiles.Csv(row)).SingleError();

        Assert.Equal(new LedgerProblem(2, column, reason), error);
    }

    [Fact]
    public void Duplicate_number_within_an_agency_is_an_error_on_both_rows()
    {
        var file = LedgerFiles.Csv(LedgerFiles.Row("A-1"), LedgerFiles.Row("A-2"), LedgerFiles.Row("A-1", receivedOn: "2023-04-01"));

        var plan = Imports.Plan(file);

        Assert.Empty(plan.CasesToImport);
        Assert.Equal([2, 4], plan.Errors.Select(e => e.Row!.Value).Order());
        Assert.All(plan.Errors, e => Assert.Equal("编号", e.Column));
        Assert.All(plan.Errors, e => Assert.Equal("编号“A-1”在办理机关“某区政务服务局”下重复（第2行与第4行），同一机关的编号必须唯一。", e.Reason));
    }

    [Fact]
    public void The_same_number_in_two_agencies_is_two_cases()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row("A-1"), LedgerFiles.Row("A-1", agency: "某区教育局")));

        Assert.True(plan.IsValid);
        Assert.Equal(2, plan.CasesToImport.Select(c => c.CaseId).Distinct().Count());
        Assert.Equal(["某区政务服务局", "某区教育局"], plan.Agencies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_id_number_that_Excel_stored_as_a_number_is_refused_because_its_digits_are_lost()
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h), "证件号码"],
            ["1", "某局", "2023-03-07", "自然人", "网络", new XCell.Number(110101199001011234)],
        ]);

        var error = Imports.Plan(file).SingleError();

        Assert.Equal((2, "证件号码"), (error.Row, error.Column));
        Assert.Contains("15位以后的数字已经丢失", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_megabyte_cell_is_refused_naming_row_and_column()
    {
        var big = new string('申', 1024 * 1024);
        var file = LedgerFiles.Csv(LedgerFiles.Row(), LedgerFiles.Row("2023-002").With("申请内容", big));

        var plan = Imports.Plan(file);

        var error = plan.SingleError();
        Assert.Equal(3, error.Row);
        Assert.Equal("申请内容", error.Column);
        Assert.Contains("单元格内容过长", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(big[..100], string.Concat(plan.Rejected.SelectMany(r => r.Cells)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_GBK_file_is_refused_with_a_message_naming_the_encoding_and_the_fix()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var file = gb18030.GetBytes("编号,办理机关,收到日期,申请人类型,申请方式\r\n2023-001,某区政务服务局,2023-03-07,自然人,网络\r\n");

        var error = Imports.Plan(file).SingleError();

        Assert.Null(error.Row);
        Assert.Contains("GBK/GB18030", error.Reason, StringComparison.Ordinal);
        Assert.Contains("按GBK解读，第一行为：“编号,办理机关,收到日期,申请人类型,申请方式”", error.Reason, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8（逗号分隔）", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16（小端）")]
    [InlineData("utf-16BE", "UTF-16（大端）")]
    public void A_UTF16_file_is_refused_with_a_message_naming_the_encoding_and_the_fix(string encoding, string named)
    {
        var text = Encoding.GetEncoding(encoding);
        var file = (byte[])[.. text.GetPreamble(), .. text.GetBytes("编号,办理机关,收到日期,申请人类型,申请方式\r\n1,某局,2023-03-07,自然人,网络\r\n")];

        var error = Imports.Plan(file).SingleError();

        Assert.Contains(named, error.Reason, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8（逗号分隔）", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_file_without_byte_order_mark_is_refused_too()
    {
        var file = Encoding.Unicode.GetBytes("编号,办理机关,收到日期,申请人类型,申请方式\r\n1,某局,2023-03-07,自然人,网络\r\n");

        var error = Imports.Plan(file).SingleError();

        Assert.Contains("UTF-16", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Equal("文件是空的（0字节），没有表头和数据。", Imports.Plan([]).SingleError().Reason);
    }

    [Fact]
    public void A_file_of_blank_lines_has_no_header()
    {
        Assert.Equal("文件中没有内容：找不到表头行，也没有数据。", Imports.Plan("\r\n,,\r\n"u8.ToArray()).SingleError().Reason);
    }

    [Fact]
    public void A_header_only_file_is_an_error()
    {
        var error = Imports.Plan(LedgerFiles.Csv(LedgerFiles.RequiredHeader)).SingleError();

        Assert.Equal("文件只有表头，没有数据行。", error.Reason);
    }

    [Fact]
    public void A_row_of_more_cells_than_a_worksheet_can_have_is_refused()
    {
        var file = Encoding.UTF8.GetBytes(string.Join(",", LedgerFiles.RequiredHeader) + "\r\n" + new string(',', 20_000) + "\r\n");

        var error = Imports.Plan(file).SingleError();

        Assert.Equal(2, error.Row);
        Assert.StartsWith("这一行有超过16384个单元格", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_on_the_row_where_it_starts()
    {
        var file = "编号,办理机关,收到日期,申请人类型,申请方式\r\n1,某局,2023-03-07,自然人,网络\r\n2,\"某局,2023-03-07,自然人,网络\r\n"u8.ToArray();

        var error = Imports.Plan(file).SingleError();

        Assert.Equal(3, error.Row);
        Assert.StartsWith("引号未闭合", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_xls_workbook_is_refused_with_how_to_save_it()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Imports.Plan(xls).SingleError();

        Assert.StartsWith("文件是旧版Excel（.xls）或WPS表格（.et）格式，无法导入。", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_but_a_zip_is_an_error()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }

        var error = Imports.Plan(zip.ToArray()).SingleError();

        Assert.StartsWith("无法读取Excel文件", error.Reason, StringComparison.Ordinal);
    }
}

/// <summary>Issue 16 finding 4: a NUL (or another control character) in any cell is refused on its row and column.</summary>
public class ControlCharacterTests
{
    [Theory]
    [InlineData("申请内容", "x\0y", "U+0000")]
    [InlineData("申请人", "张\u0001三", "U+0001")]
    [InlineData("编号", "A\u001F1", "U+001F")]
    public void A_control_character_in_a_cell_is_an_error_on_its_row_and_column(string column, string value, string code)
    {
        var row = LedgerFiles.Row("A-1");
        row[column] = value;

        var error = Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row("A-0"), row)).SingleError();

        Assert.Equal(3, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Contains(code, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_a_cell_are_still_text()
    {
        var row = LedgerFiles.Row("A-1");
        row["申请内容"] = "第一行\r\n第二行\t附注";

        var plan = Imports.Plan(LedgerFiles.Csv(row));

        Assert.True(plan.IsValid, string.Join("; ", plan.Errors));
    }
}
