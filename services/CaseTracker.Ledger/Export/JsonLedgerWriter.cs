using System.Text.Encodings.Web;
using System.Text.Json;

namespace CaseTracker.Ledger.Export;

/// <summary>An array of objects keyed by the Chinese column names: dates as "yyyy-MM-dd", 剩余工作日 as a number, empty cells as null.</summary>
public static class JsonLedgerWriter
{
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IEnumerable<LedgerValue>> rows)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            var i = 0;
            foreach (var value in row)
            {
                json.WritePropertyName(header[i++]);
                if (value.Number is { } number)
                {
                    json.WriteNumberValue(number);
                }
                else if (value.Text.Length == 0)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(value.Text);
                }
            }

            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }
}
