using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering.Json;

/// <summary>The report in the JSON shape of reference/tables (a contract: section3.columns/rows[{code,label,values}], section4 keys).</summary>
public static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("agency", report.Agency);
            w.WriteNumber("year", report.Year);
            w.WriteString("format", report.Format.Code());
            if (report.AsOf is { } asOf)
            {
                w.WriteString("as_of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            WriteSection3(w, report.Section3);
            w.WriteStartObject("section4");
            foreach (var (key, value) in report.Section4.Cells())
            {
                w.WriteNumber(key, value);
            }

            w.WriteEndObject();
            if (report.Section2 is { } section2)
            {
                WriteSection2(w, section2);
            }

            if (report.Section6 is { } section6)
            {
                w.WriteStartObject("section6");
                w.WriteNumber("feeNotices", section6.FeeNotices);
                w.WriteNumber("feeAmount", section6.FeeAmount);
                w.WriteNumber("feesCollected", section6.FeesCollected);
                w.WriteEndObject();
            }

            if (report.Channels is { } channels)
            {
                w.WriteStartObject("channels");
                foreach (var channel in channels)
                {
                    w.WriteNumber(channel.Label, channel.Count);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSection3(Utf8JsonWriter w, Section3Table table)
    {
        w.WriteStartObject("section3");
        w.WriteStartArray("columns");
        foreach (var column in ApplicantColumns.Labels)
        {
            w.WriteStringValue(column);
        }

        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            w.WriteString("code", row.Code);
            w.WriteString("label", row.Label);
            w.WriteStartObject("values");
            for (var c = 0; c < ApplicantColumns.Labels.Count; c++)
            {
                w.WriteNumber(ApplicantColumns.Labels[c], row[c]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSection2(Utf8JsonWriter w, ProactiveDisclosure section2)
    {
        w.WriteStartObject("section2");
        foreach (var table in section2.Tables)
        {
            w.WriteStartObject(table.Caption);
            w.WriteStartArray("columns");
            foreach (var column in table.Columns)
            {
                w.WriteStringValue(column.Label);
            }

            w.WriteEndArray();
            w.WriteStartObject("rows");
            foreach (var row in table.Rows)
            {
                w.WriteStartArray(row.Label);
                for (var c = 0; c < table.Columns.Length; c++)
                {
                    if (table.Columns[c].IsAmount)
                    {
                        w.WriteStringValue(row.Values[c].ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        w.WriteNumberValue(row.Values[c]);
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
