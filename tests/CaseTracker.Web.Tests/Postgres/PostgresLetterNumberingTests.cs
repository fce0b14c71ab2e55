using CaseTracker.Web.Tests.Letters;

namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="LetterNumberingTests"/> against the real host on PostgreSQL, where the issuers really run side by side.</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresLetterNumberingTests(PostgresHostFixture host) : LetterNumberingTests(host);
