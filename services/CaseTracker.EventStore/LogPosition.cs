namespace CaseTracker.EventStore;

/// <summary>
/// A position in the global log, ordered by <see cref="Commit"/> then <see cref="Prepare"/> (as EventStoreDB's).
/// SQLite: both are the row's position. PostgreSQL: Commit is the writing transaction's id, Prepare the position
/// (see Postgres/Sql read_all.sql for why the order needs both).
/// </summary>
public readonly record struct LogPosition(long Commit, long Prepare) : IComparable<LogPosition>
{
    public static LogPosition Start { get; } = new(0, 0);

    public int CompareTo(LogPosition other) =>
        Commit != other.Commit ? Commit.CompareTo(other.Commit) : Prepare.CompareTo(other.Prepare);

    public static bool operator <(LogPosition a, LogPosition b) => a.CompareTo(b) < 0;

    public static bool operator >(LogPosition a, LogPosition b) => a.CompareTo(b) > 0;

    public static bool operator <=(LogPosition a, LogPosition b) => a.CompareTo(b) <= 0;

    public static bool operator >=(LogPosition a, LogPosition b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Commit}/{Prepare}";
}
