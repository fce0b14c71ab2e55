namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="DocumentTests"/> against the real host on PostgreSQL: the blobs in document_blobs (bytea).</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresDocumentTests(PostgresHostFixture host) : DocumentTests(host);
