using System.Security.Cryptography;
using CaseTracker.EventStore.Documents;
using CaseTracker.Web.Auth;

namespace CaseTracker.Web.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every <c>POST /api/…</c> command: the first request with a key (per user) runs and its answer
/// (status, ETag, Location, body) is kept for <see cref="Lifetime"/>; a retry with the same key and the same body gets that
/// answer again instead of running twice; the same key with another body is a 422; a retry while the first is still
/// running is a 409 with Retry-After. A 5xx answer is not kept (the retry runs). The claims live in the store (collection
/// "idempotency-keys"), so two web nodes share them. Without a key, the store's unique (agency, 编号) claim still refuses
/// a second case with the same number (409, rule case.number_taken).
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string Collection = "idempotency-keys";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const int MaxKeyLength = 200;
    private const int MaxKeptBody = 1_000_000;

    public async Task InvokeAsync(HttpContext context, DocumentStore documents, TimeProvider time)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !ErrorHandling.IsApi(context)
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await new Problem(400, "Idempotency-Key 无效", $"{Header}：应为 1 到 {MaxKeyLength} 个可见 ASCII 字符（如一个 UUID）。", "idempotency.invalid", Header)
                .ToResult().ExecuteAsync(context);
            return;
        }

        if (WebUser.Of(context.User) is not { } user)
        {
            await next(context); // refused by authorization anyway; nothing to remember
            return;
        }

        context.Request.EnableBuffering();
        var fingerprint = await FingerprintAsync(context.Request);
        context.Request.Body.Position = 0;
        var id = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.Name + "\n" + key)));
        var now = time.GetUtcNow();
        var claim = new Entry(fingerprint, now, null, null, null, null, null);
        if (!await TryClaimAsync(documents, id, claim, now, context.RequestAborted))
        {
            var existing = (await documents.GetAsync<Entry>(Collection, id, context.RequestAborted))?.Value;
            await AnswerRetryAsync(context, existing, fingerprint);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode < 500 && buffer.Length <= MaxKeptBody)
            {
                await documents.PutAsync(Collection, id, claim with
                {
                    Status = response.StatusCode,
                    ContentType = response.ContentType,
                    ETag = response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                    Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    Body = Convert.ToBase64String(buffer.ToArray()),
                }, "idempotency", null, CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            if (!kept)
            {
                await documents.DeleteAsync(Collection, id, CancellationToken.None);
            }

            context.Response.Body = original;
            if (buffer.Length > 0)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
            }
        }
    }

    private static async Task<bool> TryClaimAsync(DocumentStore documents, string id, Entry claim, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await documents.PutAsync(Collection, id, claim, "idempotency", 0, ct);
            return true;
        }
        catch (DocumentConflictException)
        {
            // An expired entry is taken over (over its version, so only one retry wins).
            var existing = await documents.GetAsync<Entry>(Collection, id, ct);
            if (existing is null || now - existing.Value.At <= Lifetime)
            {
                return false;
            }

            try
            {
                await documents.PutAsync(Collection, id, claim, "idempotency", existing.Version, ct);
                return true;
            }
            catch (DocumentConflictException)
            {
                return false;
            }
        }
    }

    private static async Task AnswerRetryAsync(HttpContext context, Entry? existing, string fingerprint)
    {
        if (existing is null || existing.Status is null)
        {
            context.Response.Headers.RetryAfter = "1";
            await new Problem(409, "请求正在处理", $"带同一 {Header} 的请求正在处理，请稍后用同一键重试以取得其结果。", "idempotency.in_progress", Header)
                .ToResult().ExecuteAsync(context);
            return;
        }

        if (existing.Fingerprint != fingerprint)
        {
            await new Problem(422, "Idempotency-Key 已用于另一请求",
                $"{Header}：此键已用于内容不同的另一请求；新的请求请使用新的键。", "idempotency.key_reused", Header).ToResult().ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = existing.Status.Value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.ContentType is not null)
        {
            context.Response.ContentType = existing.ContentType;
        }

        if (existing.ETag is not null)
        {
            context.Response.Headers.ETag = existing.ETag;
        }

        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        await context.Response.Body.WriteAsync(Convert.FromBase64String(existing.Body ?? ""), context.RequestAborted);
    }

    /// <summary>Method, path, query and body: what makes a retry "the same request".</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>A claimed key: while running only the fingerprint and the time; then the answer.</summary>
    public sealed record Entry(string Fingerprint, DateTimeOffset At, int? Status, string? ContentType, string? ETag, string? Location, string? Body);
}

public static class IdempotencySetup
{
    /// <summary>After authentication (keys are per user), before the endpoints.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
