namespace CaseTracker.Demo;

public sealed record DemoAgency(string Name, string? Parent, int Weight);

/// <summary>A fictional district with its departments and street offices.</summary>
public static class DemoAgencies
{
    public const string District = "示范市青山区人民政府";

    public static readonly IReadOnlyList<DemoAgency> All =
    [
        new(District, null, 6),
        new("示范市青山区人民政府办公室", District, 4),
        new("示范市青山区发展和改革委员会", District, 4),
        new("示范市青山区住房和城乡建设委员会", District, 14),
        new("示范市青山区规划和自然资源分局", District, 12),
        new("示范市青山区市场监督管理局", District, 8),
        new("示范市青山区人力资源和社会保障局", District, 6),
        new("示范市青山区教育委员会", District, 5),
        new("示范市青山区卫生健康委员会", District, 4),
        new("示范市青山区生态环境局", District, 3),
        new("示范市青山区政务服务管理局", District, 1),
        new("示范市青山区城市管理委员会", District, 6),
        new("示范市青山区东湖街道办事处", District, 7),
        new("示范市青山区西岭街道办事处", District, 6),
        new("示范市青山区南桥街道办事处", District, 5),
        new("示范市青山区北苑街道办事处", District, 4),
    ];
}
