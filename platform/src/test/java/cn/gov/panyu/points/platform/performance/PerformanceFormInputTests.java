package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The declaration's edit form read into values: amounts, goals and task rows, each problem at its field. */
class PerformanceFormInputTests {

    /** A form with every budget amount filled in, one goal and one task. */
    private static Map<String, String> form() {
        Map<String, String> p = new HashMap<>();
        PerformanceInput.BUDGET_FIELDS.keySet().forEach(f -> p.put(f, "1"));
        p.put("goal0", "目标一");
        p.put("task0.name", "任务一");
        p.put("task0.funds", "10");
        return p;
    }

    @Test
    void amountsAreReadAsWrittenOnForms() {
        Map<String, String> p = form();
        p.put("basic", "4,992.53");   // thousands separator
        p.put("project", "４０５９８.９６"); // full-width digits from a Chinese input method
        p.put("fiscal", " 0 ");
        PerformanceInput.Checked<PerformanceDeclarations.FormEdit> c = PerformanceInput.form(p);
        assertThat(c.problems()).isEmpty();
        assertThat(c.value().budget().basic()).isEqualByComparingTo("4992.53");
        assertThat(c.value().budget().project()).isEqualByComparingTo("40598.96");
        assertThat(c.value().budget().fiscal()).isEqualByComparingTo("0").hasScaleOf(2);
    }

    @Test
    void eachBadAmountIsNamedByItsLabel() {
        Map<String, String> p = form();
        p.put("basic", "");
        p.put("project", "40,598.96元");
        p.put("otherFunds", "-0.01");
        p.put("transfers", "1000000000000");
        p.put("task0.funds", "1.005");
        Map<String, String> problems = PerformanceInput.form(p).problems();
        assertThat(problems).containsOnlyKeys("basic", "project", "otherFunds", "transfers", "task0.funds");
        assertThat(problems.get("basic")).isEqualTo("基本支出（万元）不能为空");
        assertThat(problems.get("project")).isEqualTo("项目支出（万元）：应为数字，如 12.5");
        assertThat(problems.get("otherFunds")).startsWith("其他资金（万元）：应为不小于 0 的金额");
        assertThat(problems.get("transfers")).startsWith("拟用于对下转移支付资金（万元）：应为不小于 0 的金额");
        assertThat(problems.get("task0.funds")).startsWith("第 1 项任务的拟投入的资金（万元）：应为不小于 0 的金额，最多两位小数");
    }

    @Test
    void blankAndRemovedRowsAreDroppedAndRowsKeepTheirOrder() {
        Map<String, String> p = form();
        p.put("goal1", "  ");                 // emptied: removed
        p.put("goal2", "目标三");
        p.put("task1.name", "任务二");
        p.put("task1.remove", "on");
        p.put("task2.name", "");              // the empty row to add one, left empty
        p.put("task10.name", "任务十一");     // rows in number order, not text order
        p.put("task10.optional", "on");
        PerformanceInput.Checked<PerformanceDeclarations.FormEdit> c = PerformanceInput.form(p);
        assertThat(c.problems()).isEmpty();
        assertThat(c.value().goals()).containsExactly("目标一", "目标三");
        assertThat(c.value().tasks()).extracting(PerformanceForm.KeyTask::name).containsExactly("任务一", "任务十一");
        assertThat(c.value().tasks().get(1).optional()).isTrue();
        assertThat(c.value().tasks().get(1).funds()).isNull();
    }

    @Test
    void aTaskNeedsItsNameAndTheFormAGoal() {
        Map<String, String> p = form();
        p.put("goal0", "");
        p.put("task0.name", " ");
        Map<String, String> problems = PerformanceInput.form(p).problems();
        assertThat(problems).containsEntry("goal0", "总体绩效目标：至少填写一条")
                .containsEntry("task0.name", "第 1 项任务的名称不能为空");
    }
}
