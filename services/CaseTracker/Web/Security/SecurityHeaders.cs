using System.Security.Cryptography;

namespace CaseTracker.Web.Security;

/// <summary>
/// The security headers of every answer (pages, API, static files, errors): one middleware, registered first, so nothing
/// escapes it. CSP allows only our own scripts/styles, plus inline scripts carrying the request's nonce
/// (<see cref="Nonce"/>: <c>&lt;script nonce="@SecurityHeaders.Nonce(HttpContext)"&gt;</c>); no framing (frame-ancestors
/// 'none' and X-Frame-Options DENY); nosniff; no referrer outside the site; HSTS only when the request came over TLS
/// (directly or, with <see cref="ForwardedHeadersSetup"/>, through the configured proxy).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string HstsValue = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = SecurityHeaders.Nonce(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = HstsValue;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class SecurityHeaders
{
    private static readonly object NonceKey = new();

    /// <summary>
    /// This request's CSP nonce for an inline &lt;script&gt; (one per request, 128 random bits). Hex, not base64: Razor
    /// HTML-encodes '+' in an attribute, so a base64 nonce appeared in the page as <c>&amp;#x2B;</c> — browsers decode it,
    /// but the page no longer carried the header's nonce literally (a test failed on it whenever the nonce had a '+').
    /// </summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>Adds <see cref="SecurityHeadersMiddleware"/>; call it first in the pipeline (before the exception handler).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();
}
