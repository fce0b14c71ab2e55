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
    public static (string Field, char Character)? Find(object? value) => Find(value, "", 0);

    private static (string Field, char Character)? Find(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return ForbiddenCharacter(text) is { } c ? (path, c) : null;
            case IDictionary dictionary when depth < 6:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                    if ((Find(entry.Key, path, depth + 1) ?? Find(entry.Value, Join(path, key), depth + 1)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case IEnumerable items when depth < 6:
                foreach (var item in items)
                {
                    if (Find(item, path, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || depth >= 6 || type.Namespace?.StartsWith("CaseTracker", StringComparison.Ordinal) != true)
        {
            return null;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            if (Find(property.GetValue(value), Join(path, property.Name), depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .ToArray();

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
