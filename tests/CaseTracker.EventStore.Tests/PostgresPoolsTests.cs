using CaseTracker.EventStore.Postgres;
using Npgsql;

namespace CaseTracker.EventStore.Tests;

/// <summary>The appends' own pool (no reset statements) must not make the store open more connections than it may.</summary>
public sealed class PostgresPoolsTests
{
    [Fact]
    public void The_appends_pool_takes_a_fifth_of_the_connections_and_the_other_pool_the_rest()
    {
        var (main, appends) = PostgresEventStore.Pools("Host=db.example;Database=cases;Username=ct;Maximum Pool Size=50");

        var (m, a) = (new NpgsqlConnectionStringBuilder(main), new NpgsqlConnectionStringBuilder(appends));
        Assert.Equal((40, false), (m.MaxPoolSize, m.NoResetOnClose));
        Assert.Equal((10, true), (a.MaxPoolSize, a.NoResetOnClose));
        Assert.Equal(("db.example", "cases", "ct"), (a.Host, a.Database, a.Username));
        Assert.Equal((64, 64), (m.MaxAutoPrepare, a.MaxAutoPrepare));
    }

    [Fact]
    public void Without_a_max_pool_size_the_two_pools_share_npgsqls_default_of_100()
    {
        var (main, appends) = PostgresEventStore.Pools("Host=db.example");

        Assert.Equal(80, new NpgsqlConnectionStringBuilder(main).MaxPoolSize);
        Assert.Equal(20, new NpgsqlConnectionStringBuilder(appends).MaxPoolSize);
    }
}
