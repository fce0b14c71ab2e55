using CaseTracker.Contracts;
using Microsoft.Data.Sqlite;
using static LitigationTracker.Storage.LitigationDb;

namespace LitigationTracker.Storage;

/// <summary>A closed disclosure request, as CaseTracker announced it: the cases legal staff can record appeals against.</summary>
public sealed record CaseRow(Guid CaseId, string Agency, string CaseNumber, DateOnly ReceivedOn, DateOnly DecidedOn, string OutcomeCode, string ClosureKind);

public static class CaseRows
{
    public static void Upsert(SqliteConnection connection, SqliteTransaction tx, CaseDecidedV1 m) => Execute(connection, tx, """
        INSERT INTO cases (case_id, agency, case_number, received_on, decided_on, outcome_code, closure_kind)
        VALUES ($id, $agency, $number, $received, $decided, $outcome, $kind)
        ON CONFLICT (case_id) DO UPDATE SET agency = $agency, case_number = $number, received_on = $received,
            decided_on = $decided, outcome_code = $outcome, closure_kind = $kind
        """,
        ("$id", m.CaseId), ("$agency", m.Agency), ("$number", m.CaseNumber), ("$received", m.ReceivedOn), ("$decided", m.DecidedOn),
        ("$outcome", m.OutcomeCode), ("$kind", m.ClosureKind));

    /// <summary>Returns false when the case is not known here.</summary>
    public static bool Correct(SqliteConnection connection, SqliteTransaction tx, CaseCorrectedV1 m) => Execute(connection, tx, """
        UPDATE cases SET received_on = $received, decided_on = $decided, outcome_code = $outcome, closure_kind = $kind
        WHERE case_id = $id
        """,
        ("$id", m.CaseId), ("$received", m.ReceivedOn), ("$decided", m.DecidedOn), ("$outcome", m.OutcomeCode), ("$kind", m.ClosureKind)) == 1;

    public static CaseRow? Find(SqliteConnection connection, SqliteTransaction? tx, Guid caseId)
    {
        using var reader = Command(connection, tx, """
            SELECT agency, case_number, received_on, decided_on, outcome_code, closure_kind FROM cases WHERE case_id = $id
            """, ("$id", caseId)).ExecuteReader();
        return reader.Read()
            ? new CaseRow(caseId, reader.GetString(0), reader.GetString(1), Date(reader, 2), Date(reader, 3), reader.GetString(4), reader.GetString(5))
            : null;
    }
}
