using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Mail;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

namespace CaseTracker.Portal;

/// <summary>
/// The applicant's pages, no sign-in: <c>/apply</c> (form with antiforgery and a honeypot, rate-limited) and <c>/track</c>
/// (query code + phone's last four digits, posted so the code stays out of addresses and logs).
/// </summary>
public static class PublicPages
{
    public const string Honeypot = "website";

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(PublicDoor.Guard);
        pages.MapGet("/apply", async (HttpContext c, AgencyDirectory agencies, MailOutbox mail) => await ApplyPageAsync(c, agencies, mail, null, null, 200));
        pages.MapPost("/apply", ApplyAsync).RequireRateLimiting(PortalLimits.SubmitPolicy);
        pages.MapGet("/track", () => PageResult.Of<TrackPage>(new { }));
        pages.MapPost("/track", TrackAsync).RequireRateLimiting(PortalLimits.LookupPolicy);
        return app;
    }

    private static async Task<IResult> ApplyAsync(HttpContext context, AgencyDirectory agencies, MailOutbox mail, PortalIntake intake, PortalLimits limits)
    {
        var form = await WebForms.ReadFormAsync(context);
        if (!string.IsNullOrEmpty(form.Raw.GetValueOrDefault(Honeypot)))
        {
            return await ApplyPageAsync(context, agencies, mail, null, "无法受理本次提交，请刷新页面后重新填写。", 400);
        }

        PortalApplication application;
        try
        {
            application = PortalApplication.Read(form, context.RequestServices.GetRequiredService<TimeProvider>().Today());
        }
        catch (UserError error)
        {
            return await ApplyPageAsync(context, agencies, mail, form.Raw, error.Message, 400);
        }

        if (!limits.TakeContact(application))
        {
            return await ApplyPageAsync(context, agencies, mail, form.Raw, PortalLimits.TooMany.Detail, 429);
        }

        try
        {
            var request = await intake.SubmitAsync(application, context.RequestAborted);
            return PageResult.Of<ApplyDonePage>(new { Code = request.QueryCode, request.Agency, MailOn = mail.IsOn });
        }
        catch (UserError error)
        {
            return await ApplyPageAsync(context, agencies, mail, form.Raw, error.Message, 400);
        }
    }

    private static async Task<IResult> TrackAsync(
        HttpContext context, PortalIntake intake, PortalLimits limits, IEventStore store, CasePolicy policy, TimeProvider time)
    {
        var form = await WebForms.ReadFormAsync(context);
        var code = form.Raw.GetValueOrDefault("code");
        if (!limits.TakeLookup(code))
        {
            return PageResult.Of<TrackPage>(new { Code = code, Error = PortalLimits.TooMany.Detail }, 429);
        }

        return await intake.FindAsync(code, form.Raw.GetValueOrDefault("phone4")?.Trim(), context.RequestAborted) is { } found
            ? PageResult.Of<TrackPage>(new
            {
                Code = QueryCode.Display(found.Value.QueryCode),
                Status = await PublicStatus.OfAsync(found.Value, store, policy, time.Today(), context.RequestAborted),
                Phone4 = found.Value.Application.PhoneLast4,
            })
            : PageResult.Of<TrackPage>(new { Code = code, Error = PublicApi.NotFound.Detail }, 404);
    }

    private static async Task<IResult> ApplyPageAsync(
        HttpContext context, AgencyDirectory agencies, MailOutbox mail, IReadOnlyDictionary<string, string?>? values, string? error, int status)
    {
        var names = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        return PageResult.Of<ApplyPage>(new { Agencies = names, Values = values, Error = error, MailOn = mail.IsOn }, status);
    }
}
