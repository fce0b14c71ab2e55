namespace CaseTracker.Ledger.Reading;

/// <summary>
/// The unpacked bytes of a workbook part on their way to the XmlReader: counted against what the whole workbook may
/// unpack to, and every tag measured, so that neither a zip bomb nor a single huge tag (a name or attribute of hundreds
/// of megabytes, which XmlReader would hold whole) can exhaust memory. Text between tags is read in chunks by the caller.
/// </summary>
internal sealed class BoundedXmlStream(Stream inner, XlsxBudget budget, int maxMarkupBytes) : Stream
{
    private bool _inTag;
    private byte _quote;
    private int _tagLength;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        budget.Spend(read);
        foreach (var b in buffer[..read])
        {
            if (!_inTag)
            {
                if (b == (byte)'<')
                {
                    _inTag = true;
                    _tagLength = 0;
                }

                continue;
            }

            if (++_tagLength > maxMarkupBytes)
            {
                throw new LedgerReadException(new(null, null,
                    $"Excel文件中有超过 {maxMarkupBytes / 1024} KB 的XML标记（元素名或属性），不像正常的工作簿，已拒绝读取。"));
            }

            if (_quote != 0)
            {
                _quote = b == _quote ? (byte)0 : _quote;
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                _quote = b;
            }
            else if (b == (byte)'>')
            {
                _inTag = false;
            }
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>What the parts of one workbook may still unpack to, in bytes.</summary>
internal sealed class XlsxBudget(long maxBytes)
{
    private long _spent;

    public void Spend(long bytes)
    {
        _spent += bytes;
        if (_spent > maxBytes)
        {
            throw new LedgerReadException(new(null, null,
                $"Excel文件解压后超过 {LedgerReadLimits.Megabytes(maxBytes)}（压缩炸弹或过大的工作簿），已拒绝读取。请拆分台账后分批导入，或另存为CSV。"));
        }
    }
}
