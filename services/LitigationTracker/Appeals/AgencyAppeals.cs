using CaseTracker.Contracts;
using LitigationTracker.Auth;
using LitigationTracker.Messaging;
using LitigationTracker.Storage;
using Microsoft.Data.Sqlite;

namespace LitigationTracker.Appeals;

/// <summary>
/// Reconsiderations and lawsuits about the agency's disclosure work that are not tied to a case in CaseTracker (about
/// 主动公开, or about a request never recorded there). Section 四 of the annual report counts them like the others, so
/// each step is announced to CaseTracker through the outbox, in the transaction that records it.
/// </summary>
public static class AgencyAppeals
{
    public static IEndpointRouteBuilder MapAgencyAppeals(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/agency-appeals").RequireAuthorization();
        routes.MapPost("", FileAsync);
        routes.MapPost("/conclusions", ConcludeAsync);
        routes.MapGet("", (HttpContext context, LitigationDb db) =>
        {
            using var connection = db.Open();
            return Results.Ok(AgencyAppealRows.Of(connection, Staff.Of(context).Agencies));
        });
        return app;
    }

    public static IResult File(SqliteConnection connection, SqliteTransaction tx, StaffIdentityV1 staff, AgencyAppealRow row)
    {
        if (!staff.CanRecord(row.Agency))
        {
            return OutOfReach();
        }

        if (AgencyAppealRows.Find(connection, tx, row.Agency, row.AppealId) is { } existing)
        {
            return existing with { ConcludedOn = null, Result = null } == row
                ? Results.Ok(existing)
                : AppealSteps.Conflict($"{row.Agency}已登记案号为“{row.AppealId}”的{AppealSteps.Name(existing.Kind)}，内容与本次不同；如需更正请联系管理员。");
        }

        AgencyAppealRows.Insert(connection, tx, row);
        var id = Guid.NewGuid();
        Outgoing.Enqueue(connection, tx, id,
            new AgencyAppealFiledV1(id, row.Agency, row.AppealId, row.Kind, row.Subject, row.FiledOn, row.Forum, row.AfterReconsideration));
        return Results.Created("/agency-appeals", row);
    }

    public static IResult Conclude(
        SqliteConnection connection, SqliteTransaction tx, StaffIdentityV1 staff, string agency, string appealId, DateOnly on, string result)
    {
        if (!staff.CanRecord(agency))
        {
            return OutOfReach();
        }

        if (AgencyAppealRows.Find(connection, tx, agency, appealId) is not { } appeal)
        {
            return Results.Problem($"{agency}没有登记案号为“{appealId}”的行政复议或行政诉讼，不能登记其审结。", statusCode: 404, title: "复议或诉讼不存在");
        }

        if (AppealSteps.Refuse(appeal, appealId, appeal.FiledOn, appeal.ConcludedOn, appeal.Result, on, result) is { } refused)
        {
            return refused;
        }

        AgencyAppealRows.Conclude(connection, tx, agency, appealId, on, result);
        var id = Guid.NewGuid();
        Outgoing.Enqueue(connection, tx, id, new AgencyAppealConcludedV1(id, agency, appealId, on, result));
        return Results.Ok(appeal with { ConcludedOn = on, Result = result });
    }

    private static Task<IResult> FileAsync(HttpRequest request, LitigationDb db, OutgoingPublisher publisher, TimeProvider time) =>
        AppealSteps.WriteAsync<FileAgencyAppealRequest>(request, db, publisher, body =>
        {
            var (row, errors) = AppealRequests.Check(body, time.Today());
            return (errors, (connection, tx, staff) => File(connection, tx, staff, row!));
        });

    private static Task<IResult> ConcludeAsync(HttpRequest request, LitigationDb db, OutgoingPublisher publisher, TimeProvider time) =>
        AppealSteps.WriteAsync<ConcludeAgencyAppealRequest>(request, db, publisher, body =>
        {
            var (agency, appealId, on, outcome, errors) = AppealRequests.Check(body, time.Today());
            return (errors, (connection, tx, staff) => Conclude(connection, tx, staff, agency, appealId, on, outcome));
        });

    private static IResult OutOfReach() =>
        Results.Problem("该机关不是您所在机关（或其下属机关），您无权登记它的行政复议或行政诉讼。", statusCode: 403, title: "无权操作");
}
