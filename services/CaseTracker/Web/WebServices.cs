using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CaseTracker.Assignment;
using CaseTracker.Cases;
using CaseTracker.Cases.Print;
using CaseTracker.Deadlines;
using CaseTracker.Documents;
using CaseTracker.Letters;
using CaseTracker.Mail;
using CaseTracker.Pipeline;
using CaseTracker.Portal;
using CaseTracker.ReadModels;
using CaseTracker.Reminders;
using CaseTracker.Reports;
using CaseTracker.Users;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Idempotency;
using CaseTracker.Web.OpenApi;
using CaseTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseTracker.Web;

public static class WebServices
{
    public const long MaxBodyBytes = 1_000_000;
    private const string Smart = "cookie-or-basic";

    public static IServiceCollection AddCaseTrackerWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<ProjectionWorker>();
        services.AddHostedService<DigestWorker>();
        services.AddHostedService<Erasure.RetentionWorker>();
        services.AddCaseTrackerMailSender();
        services.AddPortal(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<RefusalHandler>();
        services.AddKeysInStore();
        services.AddTrustedProxies(configuration);
        services.AddAntiforgery(o => (o.Cookie.Name, o.Cookie.SecurePolicy) = ("casetracker.af", CookieSecurePolicy.SameAsRequest));
        services.AddSingleton<BasicCredentialCache>();
        services.TryAddSingleton<Resilience.StoreOutage>();
        // The pages: Razor components rendered on the server (static, no circuit); text left readable, markup encoded.
        services.AddRazorComponents();
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.Configure<FormOptions>(o => (o.ValueLengthLimit, o.MultipartBodyLengthLimit, o.ValueCountLimit) = ((int)MaxBodyBytes, MaxBodyBytes, 200));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Any JSON bound by the framework (not only WebForms.ReadJsonAsync) refuses a key given twice (400).
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                    ? BasicAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "casetracker";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = c =>
                    ApiOr(c, 401, "未登录", "请先登录（Cookie 或 HTTP Basic）。", () => c.Response.Redirect(c.RedirectUri));
                o.Events.OnRedirectToAccessDenied = c => ApiOr(c, 403, "无权操作", "您无权访问此页面。", () => c.Response.Redirect(c.RedirectUri));
            })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddCaseTrackerOpenIdConnect(configuration);
        services.AddAuthorization();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddCaseTrackerOpenApi();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("casetracker"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(Telemetry.Name))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource(Telemetry.Name));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>Structured (JSON) console logs; request bodies and personal data are never logged.</summary>
    public static ILoggingBuilder AddCaseTrackerLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(o => o.IncludeScopes = true);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return logging;
    }

    public static WebApplication UseCaseTrackerWeb(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseRequestAccess();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealth();
        app.MapGet("/site.css", () => Results.Text(SiteCss.Value, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", (HttpContext c) => Results.Redirect(WebUser.Of(c.User)?.Role switch
        {
            Role.Supervisor or Role.Auditor => "/dashboard",
            Role.Caseworker => "/cases/mine",
            _ => "/cases",
        }))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapSignIn();
        app.MapCasePages();
        app.MapLetters();
        app.MapAssignment();
        app.MapNotifications();
        app.MapCasePrint();
        app.MapCaseDocuments();
        app.MapDashboard();
        app.MapReports();
        app.MapAdmin();
        app.MapMailAdmin();
        app.UsePortal();
        app.MapCaseTrackerApi();
        return app;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail, Action redirect)
    {
        if (!ErrorHandling.IsApi(context.HttpContext))
        {
            redirect();
            return Task.CompletedTask;
        }

        return new Problem(status, title, detail, status == 401 ? "auth.required" : "access.forbidden").ToResult().ExecuteAsync(context.HttpContext);
    }

    private static readonly Lazy<string> SiteCss = new(() =>
    {
        using var stream = typeof(WebServices).Assembly.GetManifestResourceStream("CaseTracker.Web.site.css")!;
        return new StreamReader(stream).ReadToEnd();
    });
}
