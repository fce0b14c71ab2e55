using System.Threading.Channels;
using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Export;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;

namespace CaseTracker.Deadlines;

/// <summary>期限监督: the dashboard page and the ledger export of what it shows (its JSON: <see cref="DashboardApi"/>).</summary>
public static class DashboardPages
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", Page).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/dashboard/export", Export).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Page(
        HttpContext context, DashboardQuery query, AgencyDirectory agencies, TimeProvider time, string? agency, string? within)
    {
        var access = context.Access();
        var view = await query.RunAsync(access, agency, Within(within), time.Today(), context.RequestAborted);
        var visible = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Where(access.CanSee).Order(StringComparer.Ordinal).ToList();
        return PageResult.Of<DashboardPage>(
            new { View = view, Agencies = visible, Agency = agency, CanExport = access.Role is Role.Caseworker or Role.Supervisor });
    }

    internal static int Within(string? within) => string.IsNullOrWhiteSpace(within) ? 5
        : int.TryParse(within, out var n) ? n : throw new UserError("within", $"临近期限的工作日数：“{within}”不是整数。");

    private static async Task<IResult> Export(
        HttpContext context, DashboardQuery query, LedgerExportQuery ledger, TimeProvider time, string? agency, string? format, string? overdue)
    {
        var access = context.Access();
        if (access.Role is not (Role.Caseworker or Role.Supervisor))
        {
            throw new ForbiddenException("台账含申请人个人信息，只有本机关的经办人和监督人员可以导出。");
        }

        var user = WebUser.Of(context.User)!;
        var target = string.IsNullOrWhiteSpace(agency) ? user.Agency! : agency;
        await query.ScopeAsync(access, target, context.RequestAborted);
        var filter = new CaseFilter(target, access.Role == Role.Supervisor, StatusFilter.Open, overdue == "true", time.Today());
        var (media, extension) = format switch
        {
            "csv" => ("text/csv; charset=utf-8", "csv"),
            null or "xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            _ => throw new UserError("format", $"导出格式：“{format}”不支持，应为 csv 或 xlsx。"),
        };

        // Written row by row into a temporary file as the cases are read (bounded memory at any size, issue 14), then sent.
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            // Two stages on two threads (issue 14): reading, decrypting and folding the cases with their clocks, and writing
            // the rows; a bounded channel between them keeps memory bounded.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var channel = Channel.CreateBounded<LedgerExportRow>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(async () =>
            {
                try
                {
                    await foreach (var row in ledger.RowsAsync(filter, stop.Token))
                    {
                        await channel.Writer.WriteAsync(row, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception error)
                {
                    channel.Writer.Complete(error);
                }
            }, stop.Token);
            var rows = channel.Reader.ReadAllAsync(stop.Token).ToBlockingEnumerable(stop.Token);
            try
            {
                await Task.Run(() =>
                {
                    if (extension == "csv")
                    {
                        LedgerExport.WriteCsv(stream, rows);
                    }
                    else
                    {
                        LedgerExport.WriteXlsx(stream, rows);
                    }
                }, stop.Token);
            }
            finally
            {
                await stop.CancelAsync();
                await reading.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            stream.Position = 0;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return Results.File(stream, media, $"{target}{(overdue == "true" ? "超期" : "未办结")}台账{time.Today():yyyyMMdd}.{extension}");
    }
}
