using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseTracker.Web.Components;

/// <summary>A page: a Razor component rendered on the server (static, no circuit), HTML-encoded by the renderer.</summary>
public static class PageResult
{
    /// <param name="parameters">The component's parameters, as an object whose property names are theirs.</param>
    public static RazorComponentResult<TPage> Of<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent => new(parameters) { StatusCode = status };

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
