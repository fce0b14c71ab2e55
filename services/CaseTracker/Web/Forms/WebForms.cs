using System.Text.Json;
using System.Text.Json.Nodes;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.Antiforgery;

namespace CaseTracker.Web.Forms;

/// <summary>Reading input: a form post (antiforgery checked first) or a JSON object, both into <see cref="FormValues"/>.</summary>
public static class WebForms
{
    public static async Task<FormValues> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new UserError("form", "请求应为表单提交。");
        }

        await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return new FormValues(form.ToDictionary(f => f.Key, f => (string?)string.Join(",", f.Value.Where(v => !string.IsNullOrEmpty(v)))));
    }

    public static async Task<FormValues> ReadJsonAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new UserError("body", "请求体应为 JSON 对象（Content-Type: application/json）。");
        }

        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new UserError("body", $"请求体不是有效的 JSON：{e.Message}");
        }

        if (node is not JsonObject body)
        {
            throw new UserError("body", "请求体应为 JSON 对象（{ … }）。");
        }

        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in body)
        {
            values[key] = value switch
            {
                null => null,
                JsonArray array when array.All(i => i is JsonValue) => string.Join(",", array.Select(Scalar)),
                JsonArray or JsonObject => throw new UserError(key, $"{key}：应为文本、数字、日期或文本的数组，不能是嵌套的对象。"),
                _ => Scalar(value),
            };
        }

        return new FormValues(values);
    }

    private static string? Scalar(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
