using CaseTracker.Testing;
using CaseTracker.Tests.Postgres;

namespace CaseTracker.Tests.Bus;

// The bus tests again with CaseTracker's store a fresh PostgreSQL database (CASETRACKER_TEST_POSTGRES, else an ephemeral
// server): the outbox reads PostgreSQL's global log, which hides a commit while an older transaction is open.

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxTests(PostgresServer server) : OutboxTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAppealConsumerTests(PostgresServer server) : AppealConsumerTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAgencyAppealConsumerTests(PostgresServer server) : AgencyAppealConsumerTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    protected override ValueTask DropStoreAsync() => _databases.DisposeAsync();
}
