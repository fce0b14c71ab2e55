using System.Text.Json;
using CaseTracker.Contracts;
using LitigationTracker.Auth;
using LitigationTracker.Messaging;
using LitigationTracker.Storage;

namespace LitigationTracker.Appeals;

/// <summary>Legal staff record reconsiderations and lawsuits; each step is announced to CaseTracker through the outbox.</summary>
public static class AppealEndpoints
{
    public static IEndpointRouteBuilder MapAppeals(this IEndpointRouteBuilder app)
    {
        // Every route needs a CaseTracker account (see Auth/); writing needs legal staff of the case's agency.
        var routes = app.MapGroup("").RequireAuthorization();
        routes.MapPost("/appeals", FileAsync);
        routes.MapPost("/appeals/conclusions", ConcludeAsync);
        routes.MapGet("/cases/{caseId}/appeals", (string caseId, HttpContext context, LitigationDb db) =>
        {
            var errors = new Dictionary<string, string[]>();
            var id = AppealRequests.CaseIdOf(caseId, errors);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "请求有误");
            }

            using var connection = db.Open();
            return CaseRows.Find(connection, null, id) switch
            {
                null => UnknownCase(id),
                { } found when !Staff.Of(context).CanSee(found.Agency) => Staff.OutOfReach(),
                { } found => Results.Ok(new { Case = found, Appeals = AppealRows.OfCase(connection, id) }),
            };
        });
        return app;
    }

    /// <summary>Today in China (UTC+8), the date against which "not in the future" is checked.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static Task<IResult> FileAsync(HttpRequest request, LitigationDb db, OutgoingPublisher publisher, TimeProvider time) =>
        AppealSteps.WriteAsync<FileAppealRequest>(request, db, publisher, body =>
        {
            var (row, errors) = AppealRequests.Check(body, time.Today());
            return (errors, (connection, tx, staff) => Appeals.File(connection, tx, staff, row!));
        });

    private static Task<IResult> ConcludeAsync(HttpRequest request, LitigationDb db, OutgoingPublisher publisher, TimeProvider time) =>
        AppealSteps.WriteAsync<ConcludeAppealRequest>(request, db, publisher, body =>
        {
            var (caseId, appealId, on, outcome, errors) = AppealRequests.Check(body, time.Today());
            return (errors, (connection, tx, staff) => Appeals.Conclude(connection, tx, staff, caseId, appealId, on, outcome));
        });

    internal static IResult UnknownCase(Guid caseId) =>
        Results.Problem($"没有案件“{caseId}”：只有 CaseTracker 已告知办结的案件才能登记行政复议或行政诉讼。", statusCode: 404, title: "案件不存在");

    internal static async Task<(T? Body, IResult? Invalid)> ReadAsync<T>(HttpRequest request)
    {
        try
        {
            return await request.ReadFromJsonAsync<T>() is { } body
                ? (body, null)
                : (default, Results.Problem("请求体不能为空。", statusCode: 400, title: "请求有误"));
        }
        catch (JsonException e)
        {
            return (default, Results.Problem($"请求体不是有效的 JSON，或字段类型不对（{e.Path}）。", statusCode: 400, title: "请求有误"));
        }
        catch (InvalidOperationException)
        {
            return (default, Results.Problem("请求体须为 JSON（Content-Type: application/json）。", statusCode: 415, title: "请求有误"));
        }
    }
}
