using System.Runtime.CompilerServices;

namespace CaseTracker.Domain.Cases;

/// <summary>
/// The message of a rule (<see cref="CaseRules.Require(bool, string, ref RefusalMessage)"/>), formatted only when the
/// rule's condition is false — as the standard handler would have formatted it (current culture), otherwise not at all.
/// </summary>
[InterpolatedStringHandler]
public ref struct RefusalMessage
{
    private DefaultInterpolatedStringHandler _text;
    private readonly bool _written;

    public RefusalMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _written = shouldAppend = !condition;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _written ? _text.ToStringAndClear() : "";
}
