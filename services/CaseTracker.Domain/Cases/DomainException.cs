namespace CaseTracker.Domain.Cases;

/// <summary>A command the law or the case's history does not allow. <see cref="Rule"/> is a stable code; the message is for the caseworker.</summary>
public sealed class DomainException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
