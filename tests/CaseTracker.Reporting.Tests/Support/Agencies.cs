using CaseTracker.Reporting.Input;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>A district with departments, a street office and a unit two levels down; and an agency outside it.</summary>
public static class Agencies
{
    public const string District = "北京市西城区人民政府";
    public const string Bureau = "北京市西城区政务服务管理局";
    public const string Housing = "北京市西城区住房和城市建设委员会";
    public const string Expropriation = "北京市西城区房屋征收事务中心";
    public const string Street = "北京市西城区什刹海街道办事处";
    public const string Outside = "北京市东城区人民政府";

    /// <summary>The agencies of the district that handle requests in the golden histories (the bureau has none).</summary>
    public static readonly string[] Handling = [District, Housing, Expropriation, Street];

    public static AgencyTree Tree { get; } = new(new Dictionary<string, string?>
    {
        [District] = null,
        [Bureau] = District,
        [Housing] = District,
        [Expropriation] = Housing,
        [Street] = District,
        [Outside] = null,
    });

    public static AgencySelection WholeDistrict => AgencySelection.WithEverythingUnder(District, Tree);
}
