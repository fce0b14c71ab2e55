using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CaseTracker.Cases;
using CaseTracker.Cli;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CaseTracker.Letters;

/// <summary>
/// casetracker letter --agency A --number N [--kind KIND] [--output FILE.docx|.html] [--subject ID] [--issue]:
/// without --output, the letters the case has and owes; with it, the letter of KIND as the web shows it (issued, or a
/// draft; --issue issues it first, numbering it).
/// </summary>
public static class LetterVerb
{
    public static Command Create()
    {
        var agency = CliOptions.Agency(required: true);
        var number = new Option<string>("--number") { Description = "申请编号", Required = true };
        var kind = new Option<string?>("--kind") { Description = "文书种类：" + string.Join(" ", LetterSlugs.All.Select(k => $"{k.Slug}（{k.Kind.Label()}）")) };
        var subject = new Option<string?>("--subject") { Description = "征求意见编号（征求意见书、征求意见告知书；省略为最近一次）" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "输出文件：.docx 或 .html；省略时列出本案的文书" };
        var issue = new Option<bool>("--issue") { Description = "尚未签发时先签发（编定文号，记入办理过程）" };
        var command = new Command("letter", "生成案件的文书（DOCX 或 HTML），或列出本案应有的文书。") { agency, number, kind, subject, output, issue };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var store = session.Services.GetRequiredService<IEventStore>();
            var caseId = await CaseLookup.FindAsync(store, parse.GetValue(agency)!, parse.GetValue(number)!, token);
            var file = await CaseFile.LoadAsync(store, caseId, Access.System, token);
            if (parse.GetValue(output) is not { } target)
            {
                foreach (var entry in LettersApi.Entries(file.State))
                {
                    await session.Output.WriteLineAsync(string.Join("\t", entry.Kind, entry.Label, entry.Subject,
                        entry.Number is null ? "尚未签发" : $"{entry.Number} {entry.IssuedOn:yyyy-MM-dd}",
                        entry.DeliveredOn is { } d ? $"{entry.DeliveryMethod!.Value.Label()} {d:yyyy-MM-dd}" : "未送达"));
                }

                return 0;
            }

            var letterKind = LetterSlugs.Parse(parse.GetValue(kind) ?? throw new UserError("--kind", "写出文书须指定 --kind。"));
            var extension = target.Extension.ToLowerInvariant();
            if (extension is not (".docx" or ".html" or ".htm"))
            {
                throw new UserError("--output", $"输出文件“{target.Name}”的类型不支持：应为 .docx 或 .html。");
            }

            if (parse.GetValue(issue) && LettersDue.Find(file.State, letterKind, parse.GetValue(subject)) is { } due
                && !file.State.Letters.Any(l => l.Kind == letterKind && l.Subject == due.Subject))
            {
                var issued = await session.Mediator.Send(new IssueLetter(caseId, letterKind, parse.GetValue(subject)), token);
                await session.Output.WriteLineAsync($"已签发 {letterKind.Label()}，文号 {issued.Number}。");
                file = await CaseFile.LoadAsync(store, caseId, Access.System, token);
            }

            var view = await session.Services.GetRequiredService<LetterDesk>().ShowAsync(file, letterKind, parse.GetValue(subject), true, session.Today, token);
            var bytes = extension == ".docx" ? LetterDocx.Write(view.Letter) : System.Text.Encoding.UTF8.GetBytes(await HtmlAsync(view.Letter));
            await File.WriteAllBytesAsync(target.FullName, bytes, token);
            await session.Output.WriteLineAsync($"{(view.IsDraft ? "草稿（尚未签发）" : view.Issued!.Number)}：已写出 {target.FullName}");
            return 0;
        }, ct));
        return command;
    }

    public static async Task<string> HtmlAsync(RenderedLetter letter)
    {
        // Chinese text left readable (as the web host renders it), markup encoded.
        await using var own = new ServiceCollection().AddLogging().AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(own, own.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Letter"] = letter, ["Css"] = LetterPages.Stylesheet });
            return (await renderer.RenderComponentAsync<LetterDocument>(parameters)).ToHtmlString();
        });
    }
}
