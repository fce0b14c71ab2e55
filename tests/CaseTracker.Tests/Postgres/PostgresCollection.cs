using CaseTracker.Testing;

namespace CaseTracker.Tests.Postgres;

/// <summary>
/// The host-level tests that run on PostgreSQL share one server: CASETRACKER_TEST_POSTGRES, else an ephemeral one.
/// Neither available is a failure, never a skip.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
