namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="AuthorizationMatrixTests"/> against the real host on PostgreSQL: every role × the main endpoints.</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresAuthorizationMatrixTests(PostgresHostFixture host) : AuthorizationMatrixTests(host);
