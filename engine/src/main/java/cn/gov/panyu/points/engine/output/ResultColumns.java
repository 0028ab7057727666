package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.model.ScoreModel;

import java.util.ArrayList;
import java.util.List;

/** Spec §7: the fixed leading columns, then one column per indicator in model order. */
final class ResultColumns {

    static final List<String> LEADING = List.of("uscc", "name", "stage", "core", "bonus", "deduction", "total",
            "rank", "tier", "eligible");

    /** Chinese meaning of each leading column, for the XLSX 说明 sheet. */
    static final List<String> LEADING_LABELS = List.of("统一社会信用代码", "企业名称", "发展阶段", "核心指标得分",
            "加分", "扣分", "创新积分总分", "阶段内排名（一票否决者为空）", "榜单（LEAD 领跑 / RUN 竞跑 / RISE 进取）",
            "是否参与排名（false 表示一票否决）");

    private ResultColumns() {
    }

    static List<String> header(ScoreModel model) {
        List<String> header = new ArrayList<>(LEADING);
        header.addAll(model.indicatorCodes());
        return header;
    }
}
