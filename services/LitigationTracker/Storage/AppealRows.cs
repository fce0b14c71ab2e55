using CaseTracker.Contracts;
using Microsoft.Data.Sqlite;
using static LitigationTracker.Storage.LitigationDb;

namespace LitigationTracker.Storage;

/// <param name="Kind"><see cref="AppealKinds.Reconsideration"/> or <see cref="AppealKinds.Lawsuit"/>.</param>
/// <param name="Forum">复议机关 or 受理法院.</param>
/// <param name="Result">维持, 纠正 or 其他, once concluded.</param>
public sealed record AppealRow(
    Guid CaseId, string AppealId, string Kind, DateOnly FiledOn, string Forum, bool AfterReconsideration, DateOnly? ConcludedOn, string? Result);

public static class AppealRows
{
    private const string Columns = "appeal_id, kind, filed_on, forum, after_reconsideration, concluded_on, result";

    public static void Insert(SqliteConnection connection, SqliteTransaction tx, AppealRow a) => Execute(connection, tx, $"""
        INSERT INTO appeals (case_id, {Columns}) VALUES ($case, $id, $kind, $filed, $forum, $after, NULL, NULL)
        """,
        ("$case", a.CaseId), ("$id", a.AppealId), ("$kind", a.Kind), ("$filed", a.FiledOn), ("$forum", a.Forum), ("$after", a.AfterReconsideration));

    public static void Conclude(SqliteConnection connection, SqliteTransaction tx, Guid caseId, string appealId, DateOnly on, string result) =>
        Execute(connection, tx, "UPDATE appeals SET concluded_on = $on, result = $result WHERE case_id = $case AND appeal_id = $id",
            ("$case", caseId), ("$id", appealId), ("$on", on), ("$result", result));

    public static AppealRow? Find(SqliteConnection connection, SqliteTransaction? tx, Guid caseId, string appealId) =>
        Read(connection, tx, caseId, "AND appeal_id = $id", ("$id", appealId)).SingleOrDefault();

    public static IReadOnlyList<AppealRow> OfCase(SqliteConnection connection, Guid caseId) => Read(connection, null, caseId, "");

    private static List<AppealRow> Read(SqliteConnection connection, SqliteTransaction? tx, Guid caseId, string filter, params (string, object?)[] more)
    {
        using var reader = Command(connection, tx, $"SELECT {Columns} FROM appeals WHERE case_id = $case {filter} ORDER BY filed_on, appeal_id",
            [("$case", caseId), .. more]).ExecuteReader();
        var rows = new List<AppealRow>();
        while (reader.Read())
        {
            rows.Add(new AppealRow(
                caseId, reader.GetString(0), reader.GetString(1), Date(reader, 2), reader.GetString(3), reader.GetInt64(4) == 1,
                reader.IsDBNull(5) ? null : Date(reader, 5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }
}
