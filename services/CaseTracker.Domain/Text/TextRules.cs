using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace CaseTracker.Domain.Text;

/// <summary>
/// What every stored text field may hold, whatever the door (web form, API, command line, ledger import, bus): no NUL
/// and no other C0 control character except tab, line feed and carriage return. PostgreSQL cannot store U+0000 in text or
/// jsonb at all, and a DOCX letter (XML 1.0) cannot hold any of them, so they are refused where text comes in, with the
/// field named, rather than failing later in the store (issue 16, finding 4).
/// </summary>
public static class TextRules
{
    public const string Rule = "text.control_character";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The first character not allowed in a text field, or null when the text is fine.</summary>
    public static char? ForbiddenCharacter(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The reason, in Chinese, for a field holding <paramref name="c"/>; <paramref name="label"/> names the field.</summary>
    public static string Reason(string label, char c) =>
        $"{label}：含有不可见的控制字符 U+{(int)c:X4}（{Name(c)}），不能保存。请删除该字符（常见于从其他系统复制的文本）后重新提交。";

    /// <summary>The reason for <paramref name="text"/>, or null when it is fine.</summary>
    public static string? Check(string label, string? text) => ForbiddenCharacter(text) is { } c ? Reason(label, c) : null;

    /// <summary>
    /// The first text field of a command or request (records, nested records and lists of them, walked by reflection so
    /// that a field added later is covered too) that holds a forbidden character: its camelCase path (e.g.
    /// <c>applicant.name</c>) and the character; null when every field is fine.
    /// </summary>
    public static (string Field, char Character)? Find(object? value)
    {
        // The path is put together only for the field found (its segments collected on the way back up), not for every
        // field walked: the decider checks every command, and the ledger import decides hundreds of thousands.
        var segments = new List<string>();
        if (Find(value, 0, segments) is not { } character)
        {
            return null;
        }

        var path = "";
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            path = Join(path, segments[i]);
        }

        return (path, character);
    }

    private static char? Find(object? value, int depth, List<string> segments)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return ForbiddenCharacter(text);
            case IDictionary dictionary when depth < 6:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (Find(entry.Key, depth + 1, segments) is { } inKey)
                    {
                        return inKey;
                    }

                    if (Find(entry.Value, depth + 1, segments) is { } inValue)
                    {
                        segments.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        return inValue;
                    }
                }

                return null;
            case IEnumerable items when depth < 6:
                foreach (var item in items)
                {
                    if (Find(item, depth + 1, segments) is { } found)
                    {
                        return found;
                    }
                }

                return null;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || depth >= 6 || !Walked(type))
        {
            return null;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            if (Find(property.GetValue(value), depth + 1, segments) is { } found)
            {
                segments.Add(property.Name);
                return found;
            }
        }

        return null;
    }

    /// <summary>Our own types are walked field by field; anything else that is not text or a collection holds no text of ours.</summary>
    private static bool Walked(Type type) => type.Namespace?.StartsWith("CaseTracker", StringComparison.Ordinal) == true;

    /// <summary>
    /// The properties that can hold text: a value type that is neither ours nor a collection (a date, a number, a GUID)
    /// would be boxed only to be passed over.
    /// </summary>
    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract" && MayHoldText(p.PropertyType))
            .ToArray();

    private static bool MayHoldText(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return !underlying.IsValueType || typeof(IEnumerable).IsAssignableFrom(underlying) || (!underlying.IsPrimitive && !underlying.IsEnum && Walked(underlying));
    }

    private static string Join(string path, string name)
    {
        var camel = name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
        return path.Length == 0 ? camel : $"{path}.{camel}";
    }

    private static string Name(char c) => c switch
    {
        '\0' => "空字符 NUL",
        '\b' => "退格",
        '\f' => "换页",
        '\v' => "垂直制表符",
        '\u001B' => "ESC",
        _ => "控制字符",
    };
}
