using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;

namespace CaseTracker.ReadModels;

/// <summary>
/// Read-your-writes for a rule that looks at other cases through a read model (the 按件 count of a fee notice, the earlier
/// request a 重复申请 links to): the projections follow the log in the background, so before such a rule reads them it
/// waits until they have applied every event committed when it started. Bounded: a projection that does not catch up
/// in time refuses the milestone with a clear message instead of deciding on stale figures.
/// </summary>
public sealed class ReadModelFreshness(IEventStore store, IReadModelDatabase database)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    /// <param name="field">The field the refusal names when a projection lags too long.</param>
    public async Task WaitForAsync(IReadOnlyList<string> projections, string field, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        foreach (var name in projections)
        {
            var checkpoint = await CheckpointAsync(name, ct);
            var behind = await store.CountAfterAsync(checkpoint, ct);
            if (behind == 0)
            {
                continue;
            }

            // The last event committed now: the projection must reach it (events committed later are not waited for).
            var pending = await store.ReadAllAsync(checkpoint, (int)Math.Min(behind, int.MaxValue), ct);
            var target = pending.Count == 0 ? checkpoint : pending[^1].Position;
            while (checkpoint.CompareTo(target) < 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new UserError(field, "统计其他申请所用的数据尚未更新完毕（读模型落后于事件日志），请稍候片刻后重试；本次未登记任何内容。");
                }

                await Task.Delay(20, ct);
                checkpoint = await CheckpointAsync(name, ct);
            }
        }
    }

    private async Task<LogPosition> CheckpointAsync(string name, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await database.LoadCheckpointAsync(connection, null, name, ct);
    }
}
