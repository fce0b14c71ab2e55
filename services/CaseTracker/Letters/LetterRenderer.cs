using CaseTracker.Pipeline;
using Fluid;

namespace CaseTracker.Letters;

/// <summary>Renders a template (Liquid, through Fluid) over a <see cref="LetterModel"/> into the letter's lines.</summary>
public static class LetterRenderer
{
    private static readonly TemplateOptions Options = new() { MaxSteps = 100_000, MaxRecursion = 20 };

    /// <param name="undefined">Collects the variables the template names that the model lacks (a typo, a kind's variable used in another).</param>
    public static RenderedLetter Render(
        Domain.Cases.LetterKind kind, string templateText, IReadOnlyDictionary<string, object?> model, string number, string agency, string date,
        ICollection<string>? undefined = null)
    {
        var template = LetterTemplates.Parse(templateText);
        var options = new TemplateOptions { MaxSteps = Options.MaxSteps, MaxRecursion = Options.MaxRecursion };
        if (undefined is not null)
        {
            options.Undefined = name =>
            {
                undefined.Add(name);
                return ValueTask.FromResult<Fluid.Values.FluidValue>(Fluid.Values.NilValue.Instance);
            };
        }

        var context = new TemplateContext(options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        string text;
        try
        {
            text = template.Render(context, NullEncoder.Default);
        }
        catch (InvalidOperationException e)
        {
            throw new UserError("模板", $"模板无法生成文书：{e.Message}");
        }

        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2)
        {
            throw new UserError("模板", "模板生成的文书没有正文：第一行为标题，其后至少一段正文。");
        }

        return new RenderedLetter(kind, lines[0], number, lines[1..], agency, date);
    }
}
