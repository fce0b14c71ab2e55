using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Deadlines;
using CaseTracker.Reports;
using CaseTracker.Users;

namespace CaseTracker.Web;

/// <summary>Every /api route (each feature maps its own), and a 404 problem for any other path under /api.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapCaseTrackerApi(this IEndpointRouteBuilder app)
    {
        app.MapCasesApi();
        app.MapDashboardApi();
        app.MapReportsApi();
        app.MapAgenciesApi();
        app.MapStaffIdentity();
        app.Map("/api/{**path}", () => new Problem(404, "未找到", "没有这个接口或资源。", "not_found").ToResult()).ExcludeFromDescription();
        return app;
    }
}
