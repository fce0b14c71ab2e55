using System.Text;

namespace CaseTracker.Ledger.Reading;

/// <summary>
/// RFC 4180 records from UTF-8 text, one at a time: quoted fields with embedded commas, quotes ("") and line breaks.
/// A record is one spreadsheet row, however many lines it spans. A cell over the size limit is skipped, not kept.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, LedgerReadLimits limits)
{
    /// <summary>Bytes that are not UTF-8 decode to U+FFFF (a noncharacter), so the error is reported on the row that has them.</summary>
    private const char Invalid = '\uFFFF';

    private static readonly Encoding Utf8WithMarker =
        Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Invalid.ToString()));

    private const int MaxColumns = 16384;

    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _cell = new();
    private int _length;
    private int _position;
    private bool _tooLong;
    private int _row;
    private bool _started;
    private long _rowLength;

    public static IEnumerable<RawRow> Read(Stream stream, LedgerReadLimits limits)
    {
        using var text = new StreamReader(stream, Utf8WithMarker, false, 64 * 1024, leaveOpen: true);
        var csv = new CsvRecordReader(text, limits);
        while (csv.Next() is { } row)
        {
            yield return row;
        }
    }

    public RawRow? Next() => ReadRecord();

    private int _width;

    private RawRow? ReadRecord()
    {
        if (!_started)
        {
            _started = true;
            if (Peek() == '\uFEFF')
            {
                Read();
            }
        }

        if (Peek() == -1)
        {
            return null;
        }

        _row++;
        _rowLength = 0;
        // As wide as the row before (a ledger's rows are as wide as its header): one array per row, not five growing ones.
        var cells = new List<LedgerCell>(_width);
        while (true)
        {
            var end = ReadField();
            cells.Add(_tooLong ? new LedgerCell("", null, true) : new LedgerCell(_cell.ToString()));
            if (end == ',')
            {
                if (cells.Count >= MaxColumns)
                {
                    throw new LedgerReadException(new(_row, null, $"这一行有超过{MaxColumns}个单元格（Excel工作表的列数上限），文件不像台账。"));
                }

                continue;
            }

            if (end == '\r' && Peek() == '\n')
            {
                Read();
            }

            _width = cells.Count;
            return new RawRow(_row, cells);
        }
    }

    /// <summary>Reads one field into the cell buffer; returns what ended it: ',', '\r', '\n' or -1.</summary>
    private int ReadField()
    {
        _cell.Clear();
        _tooLong = false;
        var c = Read();
        if (c == '"')
        {
            var startRow = _row;
            while (true)
            {
                c = Read();
                if (c == -1)
                {
                    throw new LedgerReadException(new(startRow, null, "引号未闭合：以英文双引号开始的单元格直到文件末尾都没有结束引号。"));
                }

                if (c == '"')
                {
                    if (Peek() != '"')
                    {
                        break;
                    }

                    Read();
                }

                Append((char)c);
            }

            c = Read();
        }

        while (c is not (',' or '\r' or '\n' or -1))
        {
            Append((char)c);
            c = Read();
        }

        return c;
    }

    private void Append(char c)
    {
        if (_cell.Length < limits.MaxCellLength)
        {
            if (++_rowLength > limits.MaxRowLength)
            {
                throw new LedgerReadException(XlsxRecordReader.RowTooLong(_row, limits));
            }

            _cell.Append(c);
        }
        else
        {
            _tooLong = true;
        }
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Read()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        var c = _buffer[_position++];
        return c == Invalid ? throw new LedgerReadException(EncodingCheck.InvalidLater(_row)) : c;
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
