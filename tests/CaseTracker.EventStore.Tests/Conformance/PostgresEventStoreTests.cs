using CaseTracker.EventStore.Tests.Infrastructure;
using CaseTracker.Testing;

namespace CaseTracker.EventStore.Tests.Conformance;

[Collection(PostgresCollection.Name)]
public sealed partial class PostgresEventStoreTests(PostgresServer server) : EventStoreConformance
{
    protected override string Adapter => "postgres";

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync(string target) => server.DropDatabaseAsync(target);
}
