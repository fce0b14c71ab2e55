namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="CaseNumberTests"/> against the real host on PostgreSQL: concurrent writers really run side by side there.</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresCaseNumberTests(PostgresHostFixture host) : CaseNumberTests(host);
