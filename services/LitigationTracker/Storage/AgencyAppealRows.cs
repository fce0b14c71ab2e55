using CaseTracker.Contracts;
using Microsoft.Data.Sqlite;
using static LitigationTracker.Storage.LitigationDb;

namespace LitigationTracker.Storage;

/// <summary>
/// A reconsideration or lawsuit about the agency's disclosure work that is not tied to a case in CaseTracker.
/// </summary>
/// <param name="Kind"><see cref="AppealKinds.Reconsideration"/> or <see cref="AppealKinds.Lawsuit"/>.</param>
/// <param name="Subject">What it is about (e.g. 主动公开, or a request not recorded in CaseTracker).</param>
/// <param name="Forum">复议机关 or 受理法院.</param>
/// <param name="Result">维持, 纠正 or 其他, once concluded.</param>
public sealed record AgencyAppealRow(
    string Agency, string AppealId, string Kind, string Subject, DateOnly FiledOn, string Forum, bool AfterReconsideration,
    DateOnly? ConcludedOn, string? Result);

public static class AgencyAppealRows
{
    private const string Columns = "agency, appeal_id, kind, subject, filed_on, forum, after_reconsideration, concluded_on, result";

    public static void Insert(SqliteConnection connection, SqliteTransaction tx, AgencyAppealRow a) => Execute(connection, tx, $"""
        INSERT INTO agency_appeals ({Columns}) VALUES ($agency, $id, $kind, $subject, $filed, $forum, $after, NULL, NULL)
        """,
        ("$agency", a.Agency), ("$id", a.AppealId), ("$kind", a.Kind), ("$subject", a.Subject), ("$filed", a.FiledOn), ("$forum", a.Forum),
        ("$after", a.AfterReconsideration));

    public static void Conclude(SqliteConnection connection, SqliteTransaction tx, string agency, string appealId, DateOnly on, string result) =>
        Execute(connection, tx, "UPDATE agency_appeals SET concluded_on = $on, result = $result WHERE agency = $agency AND appeal_id = $id",
            ("$agency", agency), ("$id", appealId), ("$on", on), ("$result", result));

    public static AgencyAppealRow? Find(SqliteConnection connection, SqliteTransaction? tx, string agency, string appealId) =>
        Read(connection, tx, "WHERE agency = $agency AND appeal_id = $id", ("$agency", agency), ("$id", appealId)).SingleOrDefault();

    /// <summary>The appeals of the given agencies (null: every agency), by filing date.</summary>
    public static IReadOnlyList<AgencyAppealRow> Of(SqliteConnection connection, IReadOnlyList<string>? agencies) =>
        Read(connection, null, "").Where(a => agencies is null || agencies.Contains(a.Agency, StringComparer.Ordinal)).ToList();

    private static List<AgencyAppealRow> Read(SqliteConnection connection, SqliteTransaction? tx, string filter, params (string, object?)[] parameters)
    {
        using var reader = Command(connection, tx, $"SELECT {Columns} FROM agency_appeals {filter} ORDER BY filed_on, agency, appeal_id", parameters)
            .ExecuteReader();
        var rows = new List<AgencyAppealRow>();
        while (reader.Read())
        {
            rows.Add(new AgencyAppealRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Date(reader, 4), reader.GetString(5),
                reader.GetInt64(6) == 1, reader.IsDBNull(7) ? null : Date(reader, 7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }
}
