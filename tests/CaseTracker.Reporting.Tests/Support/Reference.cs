using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>
/// A published table from reference/tables (copied into Golden/, read at test time). The expected values are read
/// here with plain System.Text.Json, not with the product's reader.
/// </summary>
public sealed class Reference
{
    public const string District2020 = "xicheng-district-2020";
    public const string District2023 = "xicheng-district-2023";
    public const string Bureau2023 = "xicheng-government-services-bureau-2023";

    public static readonly string[] Columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    private Reference(string text)
    {
        Text = text;
        Root = JsonNode.Parse(text)!.AsObject();
    }

    public string Text { get; }

    public JsonObject Root { get; }

    public string Agency => (string)Root["agency"]!;

    public int Year => (int)Root["year"]!;

    public string Format => (string)Root["format"]!;

    public IReadOnlyList<(string Code, string Label, int[] Values)> Rows =>
        [.. Root["section3"]!["rows"]!.AsArray().Select(r => (
            (string)r!["code"]!,
            (string)r["label"]!,
            Columns.Select(c => (int)r["values"]![c]!).ToArray()))];

    public int[] Row(string code) => Rows.Single(r => r.Code == code).Values;

    public IReadOnlyList<(string Key, int Value)> Section4 =>
        [.. Root["section4"]!.AsObject().Select(p => (p.Key, (int)p.Value!))];

    public int Section4Value(string key) => (int)Root["section4"]![key]!;

    public static Reference Load(string name) =>
        new(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json")));

    public static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions())!;
}
