using System.Net;
using CaseTracker.EventStore;
using Npgsql;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests.Postgres;

/// <summary><see cref="ApiTests"/> against the real host on PostgreSQL: writes, ETag/If-Match, refusals, dashboard, report.</summary>
[Collection(PostgresHostCollection.Name)]
public sealed class PostgresApiTests(PostgresHostFixture host) : ApiTests(host)
{
    [Fact]
    public async Task A_case_received_over_the_API_is_written_to_the_PostgreSQL_database_and_a_refused_milestone_is_not()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.RecordAsync(id, "record-supplement", new { on = ApiHelpers.Today.Iso() }, etag)).StatusCode);

        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type FROM events WHERE stream_id = @stream ORDER BY stream_version", connection);
        command.Parameters.AddWithValue("stream", CaseStreams.For(id));
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        Assert.Equal(["case.received"], types);
    }
}
