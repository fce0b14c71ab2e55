using System.Text.Json.Nodes;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

public class JsonRendererTests
{
    private static readonly string[] Contract = ["agency", "year", "format", "section3", "section4", "section2"];

    [Theory]
    [InlineData(Reference.District2020)]
    [InlineData(Reference.District2023)]
    [InlineData(Reference.Bureau2023)]
    public void A_reference_table_read_and_written_again_is_the_same_json_in_every_contract_field(string name)
    {
        var reference = Reference.Load(name);

        var written = JsonNode.Parse(JsonReportWriter.Write(JsonReportReader.Read(reference.Text).Report!))!;

        foreach (var key in Contract)
        {
            Assert.True(JsonNode.DeepEquals(reference.Root[key], written[key]), $"{name}: {key} differs");
        }
    }

    [Fact]
    public void Produced_2023_district_report_is_written_exactly_as_the_published_json()
    {
        var reference = Reference.Load(Reference.District2023);
        var report = AnnualReports.Produce(Golden.Records(Golden.Year2023),
            new ReportRequest(Agencies.WholeDistrict, 2023, new DateOnly(2024, 3, 31), Section2: TypedSection2.District2023()));

        var written = JsonNode.Parse(JsonReportWriter.Write(report))!;

        foreach (var key in Contract)
        {
            Assert.True(JsonNode.DeepEquals(reference.Root[key], written[key]), $"{key} differs");
        }

        Assert.Equal("2024-03-31", (string)written["as_of"]!);
    }

    [Fact]
    public void Produced_bureau_report_is_written_exactly_as_the_published_json()
    {
        var reference = Reference.Load(Reference.Bureau2023);
        var report = AnnualReports.Produce(Golden.Records(Golden.Year2023),
            new ReportRequest(AgencySelection.Only(Agencies.Bureau), 2023, new DateOnly(2024, 3, 31)));

        var written = JsonNode.Parse(JsonReportWriter.Write(report))!;

        Assert.Equal("北京市西城区政务服务管理局", (string)written["agency"]!);
        Assert.True(JsonNode.DeepEquals(reference.Root["section3"], written["section3"]));
        Assert.True(JsonNode.DeepEquals(reference.Root["section4"], written["section4"]));
    }

    [Fact]
    public void Malformed_json_is_refused_with_a_reason_in_chinese()
    {
        var result = JsonReportReader.Read("{\"agency\": ");

        Assert.Null(result.Report);
        Assert.StartsWith("JSON格式错误", result.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_with_a_missing_row_a_bad_cell_and_an_unknown_row_is_refused_naming_each()
    {
        var json = JsonNode.Parse(Reference.Load(Reference.District2023).Text)!;
        var rows = json["section3"]!["rows"]!.AsArray();
        rows.RemoveAt(2);
        rows[0]!["values"]!["自然人"] = "1283";
        rows.Add(new JsonObject { ["label"] = "三、本年度办理结果/（八）其他", ["values"] = new JsonObject() });
        json["section4"]!.AsObject().Remove("行政复议/总计");

        var result = JsonReportReader.Read(json.ToJsonString());

        Assert.Null(result.Report);
        Assert.Equal(
        [
            "第一项“本年新收政府信息公开申请数量”·自然人列缺失或不是整数。",
            "section3第25行“三、本年度办理结果/（八）其他”不是国办公开办函〔2021〕30号格式的行。",
            "section3缺少第三项“（一）予以公开”。",
            "section4“行政复议/总计”缺失或不是整数。",
        ], result.Errors);
    }

    [Fact]
    public void A_table_without_agency_or_year_is_refused()
    {
        var result = JsonReportReader.Read("{\"section3\": {\"rows\": []}, \"section4\": {}}");

        Assert.Null(result.Report);
        Assert.Contains("“agency”（机关名称）缺失或为空。", result.Errors);
        Assert.Contains("“year”（报告年度）缺失或不是2008至2100之间的整数。", result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{\"agency\": 1, \"year\": \"2023\", \"format\": 2021}")]
    [InlineData("{\"agency\": \"x\", \"year\": 2023, \"section3\": []}")]
    [InlineData("{\"agency\": \"x\", \"year\": 2023, \"section3\": {\"rows\": [1, null, \"a\", {\"values\": 3}]}}")]
    [InlineData("{\"agency\": \"x\", \"year\": 2023, \"section3\": {\"rows\": [{\"label\": \"一、本年新收政府信息公开申请数量\", \"values\": {\"自然人\": 1e40}}]}, \"section4\": []}")]
    [InlineData("{\"agency\": \"x\", \"year\": 2023, \"section2\": {\"t\": 1, \"u\": {\"columns\": [1], \"rows\": {\"r\": [\"x\"]}}}}")]
    public void Bad_input_is_refused_with_reasons_and_never_throws(string json)
    {
        var result = JsonReportReader.Read(json);

        Assert.Null(result.Report);
        Assert.NotEmpty(result.Errors);
    }
}
