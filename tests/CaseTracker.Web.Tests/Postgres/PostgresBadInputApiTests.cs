namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="BadInputApiTests"/> against the real host on PostgreSQL: every refusal names the field and writes nothing.</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresBadInputApiTests(PostgresHostFixture host) : BadInputApiTests(host);
