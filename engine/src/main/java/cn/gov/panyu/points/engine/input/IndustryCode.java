package cn.gov.panyu.points.engine.input;

/**
 * 国民经济行业分类 (GB/T 4754-2017) at division level: a section letter A–T followed by the two-digit
 * division, which must lie in that section's range (so {@code C36} is valid, {@code A36} is not).
 */
public final class IndustryCode {

    /** First and last division of sections A..T, in letter order (the standard's table). */
    private static final int[][] DIVISIONS = {
            {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
            {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97},
    };

    /**
     * The names of divisions 01–97 (index = division − 1), as GB/T 4754-2017 titles them: what a person
     * reads next to the code, so that nobody needs the standard at hand to tell C39 from C38.
     */
    private static final String[] NAMES = {
            "农业", "林业", "畜牧业", "渔业", "农、林、牧、渔专业及辅助性活动", "煤炭开采和洗选业", "石油和天然气开采业", "黑色金属矿采选业", "有色金属矿采选业", "非金属矿采选业",
            "开采专业及辅助性活动", "其他采矿业", "农副食品加工业", "食品制造业", "酒、饮料和精制茶制造业", "烟草制品业", "纺织业", "纺织服装、服饰业", "皮革、毛皮、羽毛及其制品和制鞋业",
            "木材加工和木、竹、藤、棕、草制品业", "家具制造业", "造纸和纸制品业", "印刷和记录媒介复制业", "文教、工美、体育和娱乐用品制造业", "石油、煤炭及其他燃料加工业",
            "化学原料和化学制品制造业", "医药制造业", "化学纤维制造业", "橡胶和塑料制品业", "非金属矿物制品业", "黑色金属冶炼和压延加工业", "有色金属冶炼和压延加工业", "金属制品业",
            "通用设备制造业", "专用设备制造业", "汽车制造业", "铁路、船舶、航空航天和其他运输设备制造业", "电气机械和器材制造业", "计算机、通信和其他电子设备制造业", "仪器仪表制造业",
            "其他制造业", "废弃资源综合利用业", "金属制品、机械和设备修理业", "电力、热力生产和供应业", "燃气生产和供应业", "水的生产和供应业", "房屋建筑业", "土木工程建筑业",
            "建筑安装业", "建筑装饰、装修和其他建筑业", "批发业", "零售业", "铁路运输业", "道路运输业", "水上运输业", "航空运输业", "管道运输业", "多式联运和运输代理业",
            "装卸搬运和仓储业", "邮政业", "住宿业", "餐饮业", "电信、广播电视和卫星传输服务", "互联网和相关服务", "软件和信息技术服务业", "货币金融服务", "资本市场服务", "保险业",
            "其他金融业", "房地产业", "租赁业", "商务服务业", "研究和试验发展", "专业技术服务业", "科技推广和应用服务业", "水利管理业", "生态保护和环境治理业", "公共设施管理业",
            "土地管理业", "居民服务业", "机动车、电子产品和日用产品修理业", "其他服务业", "教育", "卫生", "社会工作", "新闻和出版业", "广播、电视、电影和录音制作业", "文化艺术业",
            "体育", "娱乐业", "中国共产党机关", "国家机构", "人民政协、民主党派", "社会保障", "群众团体、社会团体和其他成员组织", "基层群众自治组织及其他组织", "国际组织"
    };

    private IndustryCode() {
    }

    /** The division's name ("计算机、通信和其他电子设备制造业" for C39), or null for no valid code. */
    public static String name(String code) {
        String c = code == null ? null : code.strip();
        return c == null || check(c) != null ? null : NAMES[Integer.parseInt(c.substring(1)) - 1];
    }

    /**
     * The code with its name, as the platform shows an industry ("C39 计算机、通信和其他电子设备制造业");
     * the code alone when it is no valid division (old data is shown as it is rather than hidden), "" for none.
     */
    public static String display(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = name(code);
        return name == null ? code.strip() : code.strip() + " " + name;
    }

    /** {@code null} when the code is valid, else the reason in Chinese. */
    public static String problem(String code) {
        Problem p = check(code);
        return p == null ? null : p.zh();
    }

    public static boolean isValid(String code) {
        return check(code) == null;
    }

    static Problem check(String code) {
        if (code == null || code.length() != 3 || !isDigit(code.charAt(1)) || !isDigit(code.charAt(2))) {
            return new Problem("应为门类字母加2位大类代码，如 C36", "must be a section letter and a 2-digit division, e.g. C36");
        }
        char section = code.charAt(0);
        if (section < 'A' || section > 'T') {
            return new Problem("门类字母应为 A–T（大写）", "section letter must be A–T (upper case)");
        }
        int division = (code.charAt(1) - '0') * 10 + (code.charAt(2) - '0');
        int[] range = DIVISIONS[section - 'A'];
        if (division < range[0] || division > range[1]) {
            String allowed = range[0] == range[1]
                    ? two(range[0])
                    : two(range[0]) + "–" + two(range[1]);
            return new Problem("门类 " + section + " 的大类代码应为 " + allowed,
                    "divisions of section " + section + " are " + allowed);
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
