using System.Text.RegularExpressions;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using Fluid;

namespace CaseTracker.Letters;

/// <summary>One version of an agency's template for a kind. Version 1 is the shipped model text, stored when first used.</summary>
public sealed record TemplateVersion(int Version, string Text, string By, DateTimeOffset At);

public sealed record TemplateHistory(IReadOnlyList<TemplateVersion> Versions)
{
    public TemplateVersion Current => Versions[^1];
}

/// <summary>
/// The templates an office can change: per agency and kind, versioned (a saved text never changes; saving adds a version),
/// kept in the document store. A text that does not parse as Liquid is refused, naming the line.
/// </summary>
public sealed partial class LetterTemplates(DocumentStore documents, TimeProvider time)
{
    public const string Collection = "letter-templates";

    private static readonly FluidParser Parser = new();

    public static string Key(string agency, LetterKind kind) => $"{agency}\u001f{kind}";

    /// <summary>The history of an agency's template; the shipped text as version 1 when none was stored.</summary>
    public async Task<TemplateHistory> HistoryAsync(string agency, LetterKind kind, CancellationToken ct) =>
        (await documents.GetAsync<TemplateHistory>(Collection, Key(agency, kind), ct))?.Value
        ?? new TemplateHistory([new TemplateVersion(1, DefaultTemplates.For(kind), "内置", DateTimeOffset.UnixEpoch)]);

    /// <summary>The version a letter is issued with: stored first when it is still the shipped text, so a reprint finds it.</summary>
    public async Task<TemplateVersion> CurrentForIssueAsync(string agency, LetterKind kind, CancellationToken ct)
    {
        var stored = await documents.GetAsync<TemplateHistory>(Collection, Key(agency, kind), ct);
        if (stored is not null)
        {
            return stored.Value.Current;
        }

        var shipped = new TemplateHistory([new TemplateVersion(1, DefaultTemplates.For(kind), "内置", time.GetUtcNow())]);
        try
        {
            await documents.PutAsync(Collection, Key(agency, kind), shipped, "内置", expectedVersion: 0, ct: ct);
        }
        catch (DocumentConflictException)
        {
            // Another issuer stored it a moment ago.
        }

        return (await documents.GetAsync<TemplateHistory>(Collection, Key(agency, kind), ct))!.Value.Current;
    }

    public async Task<TemplateVersion> VersionAsync(string agency, LetterKind kind, int version, CancellationToken ct) =>
        (await HistoryAsync(agency, kind, ct)).Versions.FirstOrDefault(v => v.Version == version)
        ?? throw new NotFoundException($"{agency}的{kind.Label()}模板没有第{version}版。");

    /// <summary>Saves a new version (the text must parse); returns it. Nothing is written when it does not parse.</summary>
    public async Task<TemplateVersion> SaveAsync(string agency, LetterKind kind, string text, string by, CancellationToken ct)
    {
        Parse(text);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await documents.GetAsync<TemplateHistory>(Collection, Key(agency, kind), ct);
            var history = stored?.Value ?? await HistoryAsync(agency, kind, ct);
            if (history.Current.Text == text)
            {
                return history.Current;
            }

            var next = new TemplateVersion(history.Current.Version + 1, text, by, time.GetUtcNow());
            try
            {
                await documents.PutAsync(Collection, Key(agency, kind), new TemplateHistory([.. history.Versions, next]), by, stored?.Version ?? 0, ct);
                return next;
            }
            catch (DocumentConflictException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Parses a template; a syntax error is refused with its line (and column) in Chinese.</summary>
    public static IFluidTemplate Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserError("模板", "模板内容不能为空：第一行为标题，其后每行为一段正文。");
        }

        if (text.Length > 20_000)
        {
            throw new UserError("模板", "模板过长（最多 20000 个字符）。");
        }

        if (Parser.TryParse(text, out var template, out var error))
        {
            return template;
        }

        var at = Position().Match(error);
        var where = at.Success ? $"第{at.Groups[1].Value}行第{at.Groups[2].Value}列" : "";
        throw new UserError("模板", $"模板{where}有语法错误，未保存：{error}");
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
