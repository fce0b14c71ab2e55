using CaseTracker.EventStore.Tests.Infrastructure;

namespace CaseTracker.EventStore.Tests.Conformance;

[Collection(PostgresCollection.Name)]
public sealed partial class PostgresEventStoreTests(PostgresServer server) : EventStoreConformance
{
    private string _connectionString = "";

    protected override string Adapter => "postgres";

    protected override string Target => _connectionString;

    protected override async Task CreateDatabaseAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync() => server.DropDatabaseAsync(_connectionString);
}
