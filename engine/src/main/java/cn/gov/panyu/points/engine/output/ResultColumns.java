package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.model.ScoreModel;

import java.util.ArrayList;
import java.util.List;

/** Spec §7: the fixed leading columns, then one column per indicator in model order. */
final class ResultColumns {

    static final List<String> LEADING = List.of("uscc", "name", "stage", "core", "bonus", "deduction", "total",
            "rank", "tier", "eligible");

    /** The leading columns' Chinese titles, in the order of {@link #LEADING}: the XLSX header users read. */
    static final List<String> LEADING_TITLES = List.of("统一社会信用代码", "企业名称", "发展阶段", "核心指标得分",
            "加分", "扣分", "创新积分总分", "阶段内排名", "榜单", "参与排名");

    /** What each leading column means, for the XLSX 说明 sheet. */
    static final List<String> LEADING_LABELS = List.of("18 位统一社会信用代码", "企业名称", "初创期 / 成长期 / 稳定期",
            "核心指标得分之和", "加分", "扣分", "创新积分总分 = 核心指标得分 + 加分 − 扣分", "在同一发展阶段内的排名（一票否决者为空）",
            "领跑 / 竞跑 / 进取（未上榜或一票否决者为空）", "“否”表示一票否决，不参与排名和榜单");

    private ResultColumns() {
    }

    static List<String> header(ScoreModel model) {
        List<String> header = new ArrayList<>(LEADING);
        header.addAll(model.indicatorCodes());
        return header;
    }

    /** The XLSX header: the same columns as {@link #header}, titled in Chinese (indicators by name). */
    static List<String> titles(ScoreModel model) {
        List<String> titles = new ArrayList<>(LEADING_TITLES);
        model.indicators().forEach(indicator -> titles.add(indicator.name()));
        return titles;
    }
}
