using CaseTracker.Tests.Postgres;

namespace LitigationTracker.Tests;

// The end-to-end bus tests again with CaseTracker's store a fresh PostgreSQL database (CASETRACKER_TEST_POSTGRES, else an
// ephemeral server); LitigationTracker keeps its own SQLite file.

[Collection(PostgresCollection.Name)]
public sealed class PostgresEndToEndTests(PostgresServer server) : EndToEndTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAgencyAppealEndToEndTests(PostgresServer server) : AgencyAppealEndToEndTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoCaseTrackerNodesTests(PostgresServer server) : TwoCaseTrackerNodesTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashBetweenPublishAndCheckpointTests(PostgresServer server) : CrashBetweenPublishAndCheckpointTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}
