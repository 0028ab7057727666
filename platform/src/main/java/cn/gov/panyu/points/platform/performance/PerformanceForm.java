package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * A department's 部门整体预算绩效目标申报表 as structured data: what the importer reads from the budget system's
 * export, what the database stores per department and year, and what the Excel form is written from.
 * Amounts are in 万元, as on the form.
 *
 * @param department 部门名称
 * @param budget     预算整体情况
 * @param goals      总体绩效目标, one entry per paragraph of the form
 * @param tasks      年度重点工作任务 and 其他需完成的任务 (the latter {@link KeyTask#optional()})
 * @param indicators the three-level indicator tree, flattened in form order; a 二级 heading the form lists
 *                   without any 三级 indicator (its 生态效益指标 row, say) is kept as a row without a name,
 *                   so that the form written back has the same rows
 * @param unplaced   lines the importer read but could not place anywhere, with their line numbers; kept
 *                   with the declaration so that nothing of the source is silently lost
 */
public record PerformanceForm(String department, Budget budget, List<String> goals, List<KeyTask> tasks,
                              List<Indicator> indicators, List<UnplacedLine> unplaced) {

    public PerformanceForm {
        goals = List.copyOf(goals);
        tasks = List.copyOf(tasks);
        indicators = List.copyOf(indicators);
        unplaced = List.copyOf(unplaced);
    }

    /**
     * 预算整体情况 in 万元: spending by kind (基本支出, 项目支出), by source (财政拨款, 其他资金), the
     * 事业发展性支出 (财政专项资金, 其他事业发展性支出) and by budget level (区本级使用资金, 拟用于对下转移支付资金).
     */
    public record Budget(BigDecimal basic, BigDecimal project, BigDecimal fiscal, BigDecimal otherFunds,
                         BigDecimal specialFunds, BigDecimal otherDevelopment, BigDecimal districtLevel,
                         BigDecimal transfers) {

        /** 部门预算支出: 基本支出 + 项目支出, the denominator of the budget execution rate. */
        public BigDecimal total() {
            return basic.add(project);
        }
    }

    /** One 年度重点工作任务: 名称, 主要实施内容, 拟投入的资金（万元）, 期望达到的目标（概述）. */
    public record KeyTask(String name, String content, BigDecimal funds, String expectation, boolean optional) {
    }

    /**
     * One 三级 indicator under its 一级 and 二级 headings; {@code name} null for a 二级 heading without
     * indicators. {@code weight} (分值) only when the form has that column, else null.
     */
    public record Indicator(String level1, String level2, String name, String periodTarget, String yearTarget,
                            BigDecimal weight) {

        public boolean isHeadingOnly() {
            return name == null;
        }
    }

    /** A line of the source that fits nowhere in the form: its number (1-based) and its cells joined by " | ". */
    public record UnplacedLine(int line, String text) {
    }
}
