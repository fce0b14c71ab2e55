using System.Data.Common;
using System.Globalization;

namespace CaseTracker.EventStore.Sql;

/// <summary>
/// Brings a database to the newest schema: each pending script of <see cref="SqlScripts.Migrations"/> runs in its
/// own transaction with its row in <c>schema_migrations</c>; the dialect's lock script (if any) keeps concurrent
/// starters apart.
/// </summary>
public static class Migrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        DbConnection connection, SqlScripts sql, Func<DbConnection, CancellationToken, Task<DbTransaction>> begin, CancellationToken ct)
    {
        if (sql.Find("migration_lock") is { } lockSql)
        {
            await connection.ExecuteAsync(null, lockSql, ct);
        }

        try
        {
            await connection.ExecuteAsync(null, sql["migrations_ensure"], ct);
            var done = new List<string>();
            foreach (var (version, name, script) in sql.Migrations())
            {
                await using var tx = await begin(connection, ct);
                var applied = await connection.ScalarAsync(tx, sql["migration_applied"], ct, ("version", version));
                if (Convert.ToInt64(applied, CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }

                await connection.ExecuteAsync(tx, script, ct);
                await connection.ExecuteAsync(tx, sql["migration_record"], ct,
                    ("version", version), ("name", name), ("at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
                await tx.CommitAsync(ct);
                done.Add(name);
            }

            return done;
        }
        finally
        {
            if (sql.Find("migration_unlock") is { } unlockSql)
            {
                await connection.ExecuteAsync(null, unlockSql, CancellationToken.None);
            }
        }
    }
}
