namespace CaseTracker.Demo;

/// <summary>Made-up applicants and requests; none of them is a real person.</summary>
internal static class DemoNames
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] Given =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀英", "建华", "志强", "海燕", "桂兰"];
    private static readonly string[] Streets = ["东湖路", "西岭大街", "南桥胡同", "北苑路", "青山大道", "文化街", "和平里"];

    private static readonly string[] Requests =
    [
        "某地块国有土地上房屋征收决定及补偿方案",
        "某小区规划许可证及附图",
        "某路段道路改造工程的立项批复",
        "本人户籍所在地拆迁安置补偿协议",
        "某企业行政处罚决定书",
        "某街道老旧小区改造项目的招投标文件",
        "某学校新建工程的环境影响评价文件",
        "本区上一年度财政预算执行情况",
        "某建设项目的施工许可证",
        "某餐饮单位食品经营许可信息",
        "某区域控制性详细规划",
        "本单位社会保险缴费核定依据",
    ];

    public static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    public static string IdNumber(Random random) =>
        $"110199{random.Next(1950, 2004)}{random.Next(1, 13):D2}{random.Next(1, 29):D2}{random.Next(1000):D3}{random.Next(10)}";

    public static string Phone(Random random) => $"13{random.Next(10)}{random.Next(100_000_000):D8}";

    public static string Address(Random random) => $"示范市青山区{Streets[random.Next(Streets.Length)]}{random.Next(1, 200)}号";

    public static string Request(Random random) => Requests[random.Next(Requests.Length)];
}
