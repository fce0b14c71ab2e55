using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;

namespace CaseTracker.ReadModels;

/// <summary>
/// Read-your-writes for a rule that looks at other cases through read models (the 按件 count of a fee notice, the earlier
/// request a 重复申请 links to, the cases an erasure covers): the host's runners follow the log in the background, one
/// per read model, so before such a rule reads them it brings the ones it reads up to the log itself (safe beside the
/// background runners: each applies only what lies after its checkpoint as it stands inside its write transaction). This
/// also serves the command line, where no runner follows the log. Bounded: read models that cannot be brought up in
/// <see cref="MaxWait"/> refuse the request with a clear message instead of deciding on stale figures.
/// </summary>
public sealed class ReadModelFreshness(ReadModelSet readModels)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    /// <param name="projections">The read models the rule reads (every one of them: a query that joins two needs both).</param>
    /// <param name="field">The field the refusal names when they cannot be brought up in time.</param>
    public async Task WaitForAsync(IReadOnlyList<string> projections, string field, CancellationToken ct)
    {
        var runners = readModels.Runners.Where(r => projections.Contains(r.Name)).ToList();
        if (runners.Count != projections.Count)
        {
            throw new ArgumentException($"Unknown read model among {string.Join(", ", projections)}.", nameof(projections));
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(MaxWait);
        try
        {
            await ProjectionRunner.CatchUpTogetherAsync(runners, null, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new UserError(field, $"{field}：核对所需的数据尚未更新完毕（读模型落后于事件日志），请稍候片刻后重试；本次未登记任何内容。");
        }
    }
}
