package cn.gov.panyu.points.platform.evaluation;

import java.util.List;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.platform.table.ExcelExport;

/** The Excel columns of a result list — the same for a run's results and for a tier list. */
final class ResultColumns {

    static final List<ExcelExport.Column<ResultRow>> ALL = List.of(
            new ExcelExport.Column<>("统一社会信用代码", ResultRow::uscc),
            new ExcelExport.Column<>("企业名称", ResultRow::name),
            new ExcelExport.Column<>("所属镇街", ResultRow::town),
            new ExcelExport.Column<>("行业", r -> IndustryCode.display(r.industry())),
            new ExcelExport.Column<>("发展阶段", r -> r.stage().label()),
            new ExcelExport.Column<>("核心分", ResultRow::core),
            new ExcelExport.Column<>("加分", ResultRow::bonus),
            new ExcelExport.Column<>("扣分", ResultRow::deduction),
            new ExcelExport.Column<>("总分", ResultRow::total),
            new ExcelExport.Column<>("阶段内排名", ResultRow::rank),
            new ExcelExport.Column<>("榜单", r -> r.tier() == null ? "" : r.tier().label()),
            new ExcelExport.Column<>("参与排名", ResultRow::eligible));

    private ResultColumns() {
    }
}
