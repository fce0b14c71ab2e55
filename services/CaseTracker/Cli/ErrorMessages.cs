using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;

namespace CaseTracker.Cli;

public static class ErrorMessages
{
    /// <summary>The message a person should see for an error that is theirs to fix; null for a fault of ours.</summary>
    public static string? ForUser(Exception error) => error switch
    {
        UserError e => e.Message.Contains(e.Field, StringComparison.Ordinal) ? e.Message : $"{e.Field}：{e.Message}",
        DomainException e => e.Message,
        CalendarFormatException e => e.Message,
        VersionConflictException e => e.Message,
        DocumentConflictException e => e.Message,
        ForbiddenException e => e.Message,
        NotFoundException e => e.Message,
        _ => null,
    };
}
