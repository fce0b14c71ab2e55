using CaseTracker.Domain.Applicants;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.Applicants;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Search;

namespace CaseTracker.Erasure;

/// <summary>A case whose applicant's personal data an erasure covered; <paramref name="AlreadyErased"/>: it had been erased before.</summary>
public sealed record ErasedCase(Guid CaseId, string Agency, string CaseNumber, bool AlreadyErased);

/// <summary>
/// 删除个人信息 (个人信息保护法第四十七条) of one case, of every case of one applicant, or of the cases a retention rule
/// selects. Every case gets a <see cref="CaseEvent.PersonalDataErased"/>, all of them in one transaction (all or none);
/// then each subject's key is destroyed (<see cref="IEventStore.ErasePersonalDataAsync"/>, which deletes its keyed hashes
/// with it), the case's description leaves the search and the bytes of its personal-data documents are deleted
/// (<see cref="ErasedDocuments"/>). The key is destroyed only after the event is stored: a crash in
/// between leaves an erasure whose key still exists, which the next run (<see cref="FinishPendingAsync"/>) completes.
/// </summary>
public sealed class PersonalDataEraser(
    IEventStore store, IReadModelDatabase database, ApplicantKeyring keyring, CasePolicy policy, RequestContext context, ErasedDocuments documents,
    ReadModelFreshness freshness)
{
    /// <summary>How many cases one transaction records at most (a retention run over years of cases).</summary>
    public const int BatchSize = 200;

    public static string CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new UserError("reason", "reason（删除理由）：必须填写，例如“申请人要求删除”“保存期限届满”。") : reason.Trim();

    /// <summary>The case with this 编号 in this agency.</summary>
    public async Task<ErasedCase> EraseCaseAsync(string? agency, string? number, string? reason, string by, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            throw new UserError("agency", "agency（机关）：必须填写案件所属机关的全称。");
        }

        if (string.IsNullOrWhiteSpace(number))
        {
            throw new UserError("number", "number（编号）：必须填写案件编号。");
        }

        var text = CheckReason(reason);
        // The case list follows the log in the background: a case received a moment ago must be found too.
        await freshness.WaitForAsync([CaseListProjection.ProjectionName], "number", ct);
        var rows = await database.QueryAsync("case_by_number", c => c.Guid("case_id"), ct, ("agency", agency.Trim()), ("case_number", number.Trim()));
        var caseId = rows.Count == 0
            ? throw new UserError("number", $"number（编号）：机关“{agency.Trim()}”没有编号为“{number.Trim()}”的案件。")
            : rows[0];
        return (await EraseAsync([caseId], text, by, ct)).Single();
    }

    /// <summary>Every case whose applicant gave the ID number with this keyed hash (64 hex digits, <see cref="ApplicantKeys"/>).</summary>
    public async Task<IReadOnlyList<ErasedCase>> EraseApplicantAsync(string? idHash, string? reason, string by, CancellationToken ct)
    {
        var hash = idHash?.Trim().ToLowerInvariant() ?? "";
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            throw new UserError("applicant-id-hash", "applicant-id-hash（申请人身份证号散列）：应为 64 位十六进制数（案件页或 casetracker erase 的说明给出如何取得）。");
        }

        var text = CheckReason(reason);
        // Every case of the applicant, also one received a moment ago (erasure_cases_of_applicant joins both read models).
        await freshness.WaitForAsync([ApplicantKeysProjection.ProjectionName, CaseListProjection.ProjectionName], "applicant-id-hash", ct);
        var cases = await database.QueryAsync("erasure_cases_of_applicant", c => c.Guid("case_id"), ct, ("hash", hash));
        if (cases.Count == 0)
        {
            throw new UserError("applicant-id-hash", "applicant-id-hash（申请人身份证号散列）：没有申请人身份证号与之相符、个人信息尚未删除的案件。");
        }

        return await EraseAsync(cases.Distinct().ToList(), text, by, ct);
    }

    /// <summary>The keyed hash of an ID number as typed (what <see cref="EraseApplicantAsync"/> takes); null when nothing is left of it.</summary>
    public async Task<string?> IdHashAsync(string? idNumber, CancellationToken ct) =>
        (await keyring.GetAsync(ct)).Hash(ApplicantKeyKind.IdNumber, idNumber);

    /// <summary>Records the erasure on every case (one transaction per <see cref="BatchSize"/> cases), then destroys the keys.</summary>
    public async Task<IReadOnlyList<ErasedCase>> EraseAsync(IReadOnlyList<Guid> caseIds, string reason, string by, CancellationToken ct)
    {
        var results = new List<ErasedCase>(caseIds.Count);
        foreach (var batch in caseIds.Chunk(BatchSize))
        {
            results.AddRange(await EraseBatchAsync(batch, reason, by, ct));
        }

        return results;
    }

    private async Task<IReadOnlyList<ErasedCase>> EraseBatchAsync(IReadOnlyList<Guid> caseIds, string reason, string by, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var decided = new List<(ErasedCase Case, Guid? Subject, StreamAppend? Append)>();
            var today = policy.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var metadata = context.Metadata(new Dictionary<string, string> { ["erasure"] = reason });
            foreach (var caseId in caseIds)
            {
                var stream = CaseStreams.For(caseId);
                var history = await store.ReadStreamAsync(stream, ct);
                var state = CaseDecider.Fold(history.Select(e => e.Event));
                if (!state.Exists)
                {
                    throw new UserError("case", "case（案件）：案件不存在。");
                }

                // Decided first for every case: a refusal of one writes nothing for any.
                var events = CaseDecider.Decide(new CaseCommand.ErasePersonalData(reason, by, today), state, policy);
                var erased = new ErasedCase(caseId, state.Receipt!.Agency, state.Receipt.CaseNumber, events.Count == 0);
                var subject = state.Erasure?.SubjectId ?? state.Receipt.Applicant?.SubjectId;
                decided.Add((erased, subject, events.Count == 0
                    ? null
                    : new StreamAppend(stream, ExpectedVersion.Exact(history[^1].StreamVersion), events.Select(e => new NewEvent(NewEvent.NewId(), e, metadata)).ToList())));
            }

            var appends = decided.Where(d => d.Append is not null).Select(d => d.Append!).ToList();
            if (appends.Count > 0)
            {
                var result = await store.AppendManyAsync(appends, ct);
                if (result is AppendResult.Conflict && attempt < 5)
                {
                    continue;
                }

                if (result is AppendResult.Conflict conflict)
                {
                    throw new VersionConflictException(CaseStreams.CaseIdOf(conflict.StreamId) ?? Guid.Empty, 0, conflict.ActualVersion);
                }
            }

            foreach (var (erased, subject, _) in decided)
            {
                await ShredAsync(erased.CaseId, subject, ct);
            }

            return decided.Select(d => d.Case).ToList();
        }
    }

    /// <summary>Erasures stored whose key was not destroyed yet (a crash after the event): destroys those keys. Returns how many.</summary>
    public async Task<int> FinishPendingAsync(CancellationToken ct)
    {
        var pending = await database.QueryAsync("erasures_pending_keys", c => (Case: c.Guid("case_id"), Subject: c.Guid("subject_id")), ct);
        foreach (var (caseId, subject) in pending)
        {
            await ShredAsync(caseId, subject, ct);
        }

        return pending.Count;
    }

    private async Task ShredAsync(Guid caseId, Guid? subject, CancellationToken ct)
    {
        if (subject is { } id)
        {
            await store.ErasePersonalDataAsync(id, ct);
        }

        // What the projections also do when they reach the event, done now so that the search forgets the case at once.
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync(tx, database.Sql["applicant_keys_delete_case"], ct, ("case_id", caseId));
        await connection.ExecuteAsync(tx, database.Sql["case_text_delete_case"], ct, ("case_id", caseId));
        await tx.CommitAsync(ct);
        await documents.DeleteAsync(caseId, ct);
    }
}
