package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.model.Stage;

import java.util.Arrays;
import java.util.List;

/**
 * The industries (GB/T 4754-2017 divisions) the synthetic district is made of, with what makes one
 * industry's enterprises look different from another's. The constant's name is the industry code.
 *
 * <p>The ten key industries of spec §2 come first; the others are the district's usual mix of
 * manufacturing, trade and services. The numbers are plausible orders of magnitude chosen for this
 * generator, not official statistics:
 * <ul>
 *   <li>startup / growth / mature — relative frequency of the industry within each stage (software and
 *       research firms are mostly small; automobiles and electronics supply most of the large firms);</li>
 *   <li>rdShare — probability that an enterprise of average innovativeness does R&amp;D at all;</li>
 *   <li>rdIntensity — median R&amp;D expense / revenue of those that do;</li>
 *   <li>revPerHead — revenue per employee in 万元 (trade is high, software and research low);</li>
 *   <li>rdStaff — median share of R&amp;D staff among the employees of those that do R&amp;D;</li>
 *   <li>techTrade — how much more (or less) often than average the industry sells technology contracts;</li>
 *   <li>cluster — the share of its enterprises sitting in its cluster towns rather than anywhere
 *       (automobiles in 化龙/石楼 around the 番禺汽车城, jewellery in 沙湾/沙头, software and research
 *       near the university town);</li>
 *   <li>words — the business words its company names use.</li>
 * </ul>
 */
enum IndustryProfile {
    //  startup growth mature  rdShare rdIntensity revPerHead rdStaff techTrade  cluster
    C36(3, 6, 12, 0.75, 0.035, 90, 0.12, 0.6, 0.5, "化龙镇 石楼镇",
            "汽车零部件 汽车配件 汽车科技 新能源汽车科技 汽车电子 智能网联科技 汽车内饰件 车用材料"),
    C24(5, 8, 8, 0.45, 0.020, 80, 0.08, 0.4, 0.5, "沙湾街道 沙头街道",
            "珠宝首饰 珠宝 首饰 黄金珠宝 钻石首饰 工艺品 玩具 文体用品"),
    C18(4, 6, 5, 0.40, 0.015, 30, 0.06, 0.3, 0.0, "",
            "服饰 服装 制衣 时装 针织服饰 童装 内衣"),
    C34(5, 8, 8, 0.80, 0.040, 55, 0.15, 0.8, 0.0, "",
            "机械设备 通用设备 自动化设备 机器人 机电设备 液压设备 泵业 轴承"),
    C35(5, 7, 6, 0.80, 0.045, 50, 0.16, 0.8, 0.0, "",
            "专用设备 医疗器械 环保设备 智能装备 包装机械 激光设备 电子专用设备"),
    C39(6, 9, 10, 0.85, 0.050, 60, 0.18, 0.8, 0.0, "",
            "电子科技 电子 通信技术 光电科技 微电子 智能硬件 半导体 音响科技 显示科技"),
    C27(3, 4, 5, 0.85, 0.070, 70, 0.20, 0.9, 0.25, "小谷围街道",
            "生物医药 医药科技 药业 制药 生物制药 中药科技 生物技术"),
    I64(8, 5, 4, 0.80, 0.080, 45, 0.35, 1.1, 0.3, "小谷围街道 钟村街道 南村镇",
            "网络科技 互联网科技 信息科技 数字科技 网络技术 电子商务"),
    I65(12, 8, 4, 0.90, 0.100, 35, 0.45, 1.4, 0.35, "小谷围街道 钟村街道 南村镇",
            "软件 软件科技 信息技术 数据科技 智能科技 云计算科技 软件技术"),
    M73(6, 3, 1, 0.95, 0.200, 30, 0.50, 1.5, 0.45, "小谷围街道",
            "科技研究院 技术研究院 生物技术研究院 新材料研究院 工业技术研究院 产业技术研究院"),

    C38(4, 7, 9, 0.75, 0.035, 60, 0.12, 0.6, 0.0, "",
            "电器 电气 照明电器 舞台灯光 新能源科技 电池科技 电缆 电机"),
    C29(3, 5, 4, 0.50, 0.025, 50, 0.08, 0.4, 0.0, "",
            "塑料制品 塑胶 橡胶制品 包装材料 塑业 高分子材料"),
    C40(2, 2, 1, 0.85, 0.060, 45, 0.22, 0.9, 0.0, "",
            "仪器仪表 仪器 测控技术 分析仪器 智能仪表 计量科技"),
    C14(3, 4, 4, 0.40, 0.012, 60, 0.05, 0.3, 0.0, "",
            "食品 食品科技 饮料 调味品 烘焙食品 营养科技"),
    C26(1, 2, 3, 0.60, 0.030, 120, 0.10, 0.6, 0.0, "",
            "化工 新材料 精细化工 涂料 化学科技 日化 化妆品"),
    C33(3, 4, 3, 0.50, 0.025, 45, 0.08, 0.4, 0.0, "",
            "五金制品 金属制品 五金 不锈钢制品 铝制品 金属结构"),
    F51(8, 6, 6, 0.20, 0.008, 250, 0.05, 0.2, 0.0, "",
            "贸易 商贸 进出口贸易 供应链管理 实业 国际贸易"),
    L72(7, 4, 3, 0.25, 0.020, 40, 0.08, 0.5, 0.0, "",
            "企业管理咨询 商务服务 会展服务 管理咨询 广告 文化传播"),
    M74(6, 4, 2, 0.60, 0.050, 35, 0.25, 1.2, 0.0, "",
            "检测技术 检测 工程技术 工程设计 认证服务 质量检测 设计"),
    M75(9, 3, 1, 0.80, 0.080, 30, 0.35, 1.3, 0.0, "",
            "科技 科技发展 技术服务 科技服务 技术开发 科技创新服务");

    private static final List<IndustryProfile> ALL = Arrays.asList(values());
    /** Indexed by {@link Stage#ordinal()}. */
    private static final List<WeightedChoice<IndustryProfile>> BY_STAGE = List.of(
            new WeightedChoice<>(ALL, i -> i.startupWeight),
            new WeightedChoice<>(ALL, i -> i.growthWeight),
            new WeightedChoice<>(ALL, i -> i.matureWeight));

    private final double startupWeight;
    private final double growthWeight;
    private final double matureWeight;
    private final double rdLogit;
    private final double rdIntensity;
    private final double revenuePerEmployee;
    private final double rdStaffShare;
    private final double techTrade;
    private final double clusterShare;
    private final PanyuTown[] cluster;
    private final Word[] businessWords;
    private final Word code;

    IndustryProfile(double startupWeight, double growthWeight, double matureWeight,
                    double rdShare, double rdIntensity, double revenuePerEmployee, double rdStaffShare,
                    double techTrade, double clusterShare, String clusterTowns, String businessWords) {
        this.startupWeight = startupWeight;
        this.growthWeight = growthWeight;
        this.matureWeight = matureWeight;
        // kept as a logit so that innovativeness and size can shift it without leaving (0, 1)
        this.rdLogit = Math.log(rdShare / (1 - rdShare));
        this.rdIntensity = rdIntensity;
        this.revenuePerEmployee = revenuePerEmployee;
        this.rdStaffShare = rdStaffShare;
        this.techTrade = techTrade;
        this.clusterShare = clusterShare;
        this.cluster = clusterTowns.isBlank() ? new PanyuTown[0]
                : Arrays.stream(clusterTowns.trim().split("\\s+")).map(PanyuTown::byLabel).toArray(PanyuTown[]::new);
        this.businessWords = Word.list(businessWords);
        this.code = Word.of(name());
    }

    static IndustryProfile pick(Stage stage, double uniform) {
        return BY_STAGE.get(stage.ordinal()).pick(uniform);
    }

    Word code() {
        return code;
    }

    double rdLogit() {
        return rdLogit;
    }

    double rdIntensity() {
        return rdIntensity;
    }

    double revenuePerEmployee() {
        return revenuePerEmployee;
    }

    double rdStaffShare() {
        return rdStaffShare;
    }

    double techTrade() {
        return techTrade;
    }

    /** Section C (制造业): the only section where a major safety or environmental accident is modelled. */
    boolean manufacturing() {
        return name().charAt(0) == 'C';
    }

    /** @param where a draw in [0, 1) choosing cluster or district-wide; @param which a draw choosing the town */
    PanyuTown town(double where, double which) {
        if (where < clusterShare) {
            return cluster[(int) (which * cluster.length)];
        }
        return PanyuTown.pick(which);
    }

    Word businessWord(double uniform) {
        return businessWords[(int) (uniform * businessWords.length)];
    }
}
