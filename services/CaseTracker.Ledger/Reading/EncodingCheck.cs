using System.Text;

namespace CaseTracker.Ledger.Reading;

/// <summary>
/// The ledger is UTF-8 (with or without BOM). A GBK/GB18030 or UTF-16 file is refused with a message that says what it
/// looks like and how to save it as UTF-8: decoding it as UTF-8 would only produce mojibake.
/// </summary>
internal static class EncodingCheck
{
    public const int SampleSize = 64 * 1024;

    private const string HowToFix = "请在Excel中选择“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”后重新导入；也可以直接导入.xlsx文件。";

    /// <summary>The problem with the file's encoding, judged from its first bytes; null when they are UTF-8.</summary>
    public static LedgerProblem? Check(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.Length >= 2 && ((sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF)))
        {
            var order = sample[0] == 0xFF ? "小端" : "大端";
            return new(null, null, $"文件是UTF-16（{order}）编码（Excel“Unicode文本”等格式保存的文件），不是UTF-8，无法导入。{HowToFix}");
        }

        if (LooksLikeUtf16WithoutBom(sample))
        {
            return new(null, null, $"文件看起来是没有字节顺序标记的UTF-16编码（大量零字节），不是UTF-8，无法导入。{HowToFix}");
        }

        var body = sample.StartsWith(Utf8Bom) ? sample[3..] : sample;
        if (IsUtf8(body, complete))
        {
            return null;
        }

        return LooksLikeGb18030(body)
            ? new(null, null, $"文件编码看起来是GBK/GB18030（中文Windows下Excel另存为“CSV（逗号分隔）”的默认编码），不是UTF-8，无法导入。按GBK解读，第一行为：“{FirstLineAsGb18030(body)}”。{HowToFix}")
            : new(null, null, $"文件不是有效的UTF-8文本，也不像GBK或UTF-16编码的文本，无法导入。{HowToFix}");
    }

    /// <summary>A later part of the file that is not UTF-8.</summary>
    public static LedgerProblem InvalidLater(int row) =>
        new(row, null, $"从这一行起文件含有不是UTF-8编码的字节（可能是混入了GBK编码的文字），无法导入。{HowToFix}");

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            decoder.GetCharCount(bytes, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> sample)
    {
        var length = Math.Min(sample.Length, 4096) & ~1;
        if (length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = length / 2;
        return evenZeros * 4 > pairs || oddZeros * 4 > pairs;
    }

    /// <summary>Every non-ASCII byte belongs to a GB18030 two- or four-byte sequence, and there is at least one.</summary>
    private static bool LooksLikeGb18030(ReadOnlySpan<byte> b)
    {
        var sequences = 0;
        var i = 0;
        while (i < b.Length)
        {
            if (b[i] < 0x80)
            {
                i++;
                continue;
            }

            if (b[i] is < 0x81 or > 0xFE)
            {
                return false;
            }

            if (i + 1 >= b.Length)
            {
                break;
            }

            if (b[i + 1] is >= 0x40 and <= 0xFE and not 0x7F)
            {
                i += 2;
            }
            else if (b[i + 1] is >= 0x30 and <= 0x39 && i + 3 < b.Length && b[i + 2] is >= 0x81 and <= 0xFE && b[i + 3] is >= 0x30 and <= 0x39)
            {
                i += 4;
            }
            else
            {
                return false;
            }

            sequences++;
        }

        return sequences > 0;
    }

    private static string FirstLineAsGb18030(ReadOnlySpan<byte> body)
    {
        var end = body.IndexOfAny((byte)'\r', (byte)'\n');
        var line = end < 0 ? body : body[..end];
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936);
        var text = gb18030 is null ? "" : gb18030.GetString(line[..Math.Min(line.Length, 120)]);
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
