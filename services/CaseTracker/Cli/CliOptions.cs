using System.CommandLine;
using CaseTracker.Composition;

namespace CaseTracker.Cli;

public static class CliOptions
{
    public static readonly Option<string?> Store = new("--store")
    {
        Description = $"事件存储：sqlite:文件路径（内置默认）或 postgres:连接字符串。"
            + $"未指定时读环境变量 {StoreLocation.EnvironmentVariable}，再默认 {StoreLocation.Default}",
        Recursive = true,
    };

    public static Option<string> Agency(bool required) => new("--agency")
    {
        Description = "办理机关全称",
        Required = required,
    };

    public static readonly Option<bool> IncludeSubordinates = new("--include-subordinates")
    {
        Description = "包括其下属各机关（如全区汇总）",
    };

    public static Option<DateOnly?> AsOf() => new("--as-of")
    {
        Description = "截至日期（yyyy-MM-dd），默认今天",
        CustomParser = r => r.Tokens.Count == 0 ? null : ParseDate(r.Tokens[0].Value, "--as-of", r),
    };

    public static Option<FileInfo> Output() => new("--output", "-o")
    {
        Description = "输出文件；文件类型由扩展名决定",
        Required = true,
    };

    public static DateOnly? ParseDate(string text, string option, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (DateOnly.TryParseExact(
            text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"{option} 的值“{text}”不是有效日期，应为 yyyy-MM-dd，例如 2023-12-31。");
        return null;
    }
}
