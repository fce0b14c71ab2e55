namespace CaseTracker.Reporting.Rendering.Grid;

/// <summary>
/// Lays out nested row labels (outermost group first) over a number of label columns: a group is one cell spanning
/// the rows under it; a row's own label spans the remaining label columns.
/// </summary>
internal static class LabelColumns
{
    public static IEnumerable<GridCell> Place(IReadOnlyList<IReadOnlyList<string>> paths, int firstRow, int labelColumns)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            for (var d = 0; d < path.Count; d++)
            {
                if (d == path.Count - 1)
                {
                    yield return new GridCell(firstRow + i, d, 1, labelColumns - d, path[d], true);
                }
                else if (i == 0 || !SameGroup(paths[i - 1], path, d))
                {
                    var span = 1;
                    while (i + span < paths.Count && SameGroup(paths[i + span], path, d))
                    {
                        span++;
                    }

                    yield return new GridCell(firstRow + i, d, span, 1, path[d], true);
                }
            }
        }
    }

    private static bool SameGroup(IReadOnlyList<string> other, IReadOnlyList<string> path, int depth) =>
        other.Count > depth + 1 && other.Take(depth + 1).SequenceEqual(path.Take(depth + 1));
}
