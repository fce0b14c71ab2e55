using System.Text.Json;
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

    /// <summary>
    /// A JSON object of scalars (or arrays of scalars) into <see cref="FormValues"/>. Not JSON, not an object, a nested object
    /// or a key given twice (names are matched ignoring case, as for a form) is a <see cref="UserError"/>.
    /// </summary>
    public static async Task<FormValues> ReadJsonAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new UserError("body", "请求体应为 JSON 对象（Content-Type: application/json）。");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new UserError("body", $"请求体不是有效的 JSON：{e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UserError("body", "请求体应为 JSON 对象（{ … }）。");
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = Text(() => property.Name, "body",
                    "请求体：字段名含有无效的文本（不是 UTF-8，或不成对的 \\uD800–\\uDFFF 转义）。");
                if (values.ContainsKey(key))
                {
                    throw new UserError(key, $"{key}：在请求体中出现了多次（字段名不区分大小写），只能给一次。");
                }

                values[key] = Text(() => property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Array when property.Value.EnumerateArray().All(IsScalar) => string.Join(",", property.Value.EnumerateArray().Select(Scalar)),
                    JsonValueKind.Array or JsonValueKind.Object =>
                        throw new UserError(key, $"{key}：应为文本、数字、日期或文本的数组，不能是嵌套的对象。"),
                    _ => Scalar(property.Value),
                }, key, $"{key}：含有无效的文本（不是 UTF-8，或不成对的 \\uD800–\\uDFFF 转义）。");
            }

            return new FormValues(values);
        }
    }

    /// <summary>The parser checks the structure; a string's bytes are decoded (and refused) only when read.</summary>
    private static T Text<T>(Func<T> read, string field, string message)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw new UserError(field, message);
        }
    }

    private static bool IsScalar(JsonElement element) => element.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object);

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => element.GetString(),
        _ => element.GetRawText(),
    };
}
