namespace CaseTracker.Pipeline;

public enum Role
{
    /// <summary>经办人: works the cases of their own agency.</summary>
    Caseworker,

    /// <summary>Watches an agency and every agency under it.</summary>
    Supervisor,

    /// <summary>Records reconsiderations and lawsuits.</summary>
    LegalOfficer,

    Administrator,

    /// <summary>Reads everything, changes nothing.</summary>
    Auditor,
}

/// <summary>
/// What a signed-in person may see and do: their role and the agencies in reach (their own, plus those under it for a
/// supervisor). <see cref="System"/> is the command line and background work.
/// </summary>
public sealed record Access(Role Role, IReadOnlySet<string>? Agencies)
{
    public static Access System { get; } = new(Role.Administrator, null);

    public bool AllAgencies => Agencies is null;

    public bool CanSee(string agency) => Agencies is null || Agencies.Contains(agency);

    public bool CanRecord(string agency) => Role switch
    {
        Role.Administrator => true,
        Role.Caseworker or Role.Supervisor or Role.LegalOfficer => CanSee(agency),
        _ => false,
    };

    public bool CanAdminister => Role == Role.Administrator;
}
