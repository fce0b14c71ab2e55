namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="DashboardTests"/> against the real host on PostgreSQL: agency scoping, exports, the case list.</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresDashboardTests(PostgresHostFixture host) : DashboardTests(host);
