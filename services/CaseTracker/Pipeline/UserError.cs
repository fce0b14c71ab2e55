namespace CaseTracker.Pipeline;

/// <summary>Input the product refuses, with a message in Chinese naming the field and the rule.</summary>
public sealed class UserError(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
