using CaseTracker.Contracts;
using LitigationTracker.Auth;
using LitigationTracker.Messaging;
using LitigationTracker.Storage;
using Microsoft.Data.Sqlite;

namespace LitigationTracker.Appeals;

/// <summary>What recording an appeal of a case and an appeal not tied to a case have in common.</summary>
internal static class AppealSteps
{
    /// <summary>
    /// The body of every writing endpoint: legal staff only, a JSON body, checked field by field (<paramref name="check"/>
    /// returns the errors, or none and the write), the write in one transaction with its message, then the publisher woken.
    /// </summary>
    public static async Task<IResult> WriteAsync<TBody>(
        HttpRequest request, LitigationDb db, OutgoingPublisher publisher,
        Func<TBody, (Dictionary<string, string[]> Errors, Func<SqliteConnection, SqliteTransaction, StaffIdentityV1, IResult> Write)> check)
    {
        var staff = Staff.Of(request.HttpContext);
        if (staff.Role != StaffRoles.LegalOfficer)
        {
            return Staff.NotLegalStaff();
        }

        var (body, invalid) = await AppealEndpoints.ReadAsync<TBody>(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var (errors, write) = check(body!);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "登记内容有误");
        }

        var result = await db.WriteAsync((connection, tx) => Task.FromResult(write(connection, tx, staff)));
        publisher.Signal();
        return result;
    }

    /// <summary>
    /// A conclusion of an appeal already concluded (the same again: the stored row, nothing written; another: 409) or dated
    /// before its filing (400); null when it can be recorded.
    /// </summary>
    public static IResult? Refuse<TRow>(TRow appeal, string appealId, DateOnly filedOn, DateOnly? concludedOn, string? storedResult, DateOnly on, string result)
    {
        if (concludedOn is { } concluded)
        {
            return concluded == on && storedResult == result
                ? Results.Ok(appeal)
                : Conflict($"“{appealId}”已于{concluded:yyyy-MM-dd}审结（{storedResult}）。");
        }

        return on < filedOn
            ? Results.ValidationProblem(
                new Dictionary<string, string[]> { ["concludedOn"] = [$"审结日期（concludedOn）{on:yyyy-MM-dd}早于立案日期{filedOn:yyyy-MM-dd}。"] },
                title: "登记内容有误")
            : null;
    }

    public static string Name(string kind) => kind == AppealKinds.Reconsideration ? "行政复议" : "行政诉讼";

    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: 409, title: "与已登记的内容冲突");
}
