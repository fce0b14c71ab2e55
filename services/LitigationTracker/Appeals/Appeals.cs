using CaseTracker.Contracts;
using LitigationTracker.Auth;
using LitigationTracker.Storage;
using Microsoft.Data.Sqlite;

namespace LitigationTracker.Appeals;

/// <summary>
/// The checks against what is stored and the write, inside one write transaction: the appeal row and the message that
/// announces it are saved together. A repeated identical request changes nothing and publishes nothing.
/// </summary>
public static class Appeals
{
    public static IResult File(SqliteConnection connection, SqliteTransaction tx, StaffIdentityV1 staff, AppealRow row)
    {
        if (CaseRows.Find(connection, tx, row.CaseId) is not { } found)
        {
            return AppealEndpoints.UnknownCase(row.CaseId);
        }

        if (!staff.CanRecord(found.Agency))
        {
            return Staff.OutOfReach();
        }

        // The case stream refuses a milestone dated before the receipt (条例第三十一条 fixes the receipt date).
        if (row.FiledOn < found.ReceivedOn)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["filedOn"] = [$"立案（申请）日期（filedOn）{row.FiledOn:yyyy-MM-dd}早于收到申请日期{found.ReceivedOn:yyyy-MM-dd}。"] },
                title: "登记内容有误");
        }

        if (AppealRows.Find(connection, tx, row.CaseId, row.AppealId) is { } existing)
        {
            return existing with { ConcludedOn = null, Result = null } == row
                ? Results.Ok(existing)
                : AppealSteps.Conflict($"本案已登记案号为“{row.AppealId}”的{AppealSteps.Name(existing.Kind)}，内容与本次不同；如需更正请联系管理员。");
        }

        AppealRows.Insert(connection, tx, row);
        var id = Guid.NewGuid();
        Outgoing.Enqueue(connection, tx, id, row.Kind == AppealKinds.Reconsideration
            ? new ReconsiderationFiledV1(id, row.CaseId, row.AppealId, row.FiledOn, row.Forum)
            : new LawsuitFiledV1(id, row.CaseId, row.AppealId, row.FiledOn, row.Forum, row.AfterReconsideration));
        return Results.Created($"/cases/{row.CaseId}/appeals", row);
    }

    public static IResult Conclude(
        SqliteConnection connection, SqliteTransaction tx, StaffIdentityV1 staff, Guid caseId, string appealId, DateOnly on, string result)
    {
        if (CaseRows.Find(connection, tx, caseId) is not { } found)
        {
            return AppealEndpoints.UnknownCase(caseId);
        }

        if (!staff.CanRecord(found.Agency))
        {
            return Staff.OutOfReach();
        }

        if (AppealRows.Find(connection, tx, caseId, appealId) is not { } appeal)
        {
            return Results.Problem($"本案没有登记案号为“{appealId}”的行政复议或行政诉讼，不能登记其审结。", statusCode: 404, title: "复议或诉讼不存在");
        }

        if (AppealSteps.Refuse(appeal, appealId, appeal.FiledOn, appeal.ConcludedOn, appeal.Result, on, result) is { } refused)
        {
            return refused;
        }

        AppealRows.Conclude(connection, tx, caseId, appealId, on, result);
        var id = Guid.NewGuid();
        Outgoing.Enqueue(connection, tx, id, appeal.Kind == AppealKinds.Reconsideration
            ? new ReconsiderationConcludedV1(id, caseId, appealId, on, result)
            : new LawsuitConcludedV1(id, caseId, appealId, on, result));
        return Results.Ok(appeal with { ConcludedOn = on, Result = result });
    }
}
