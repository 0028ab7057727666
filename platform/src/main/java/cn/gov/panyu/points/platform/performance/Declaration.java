package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.panyu.points.platform.performance.PerformanceForm.Budget;
import cn.gov.panyu.points.platform.performance.PerformanceForm.UnplacedLine;

/**
 * A stored declaration as the pages show it: the form's content with the ids staff edit by, each indicator's
 * weight and bound measure, and the lines of the source the importer could not place.
 */
public record Declaration(long id, String department, int year, Budget budget, List<String> goals, List<Task> tasks,
                          List<Item> indicators, List<UnplacedLine> unplaced, String sourceName, String updatedBy,
                          LocalDateTime updatedAt) {

    /** A task with its id. */
    public record Task(long id, String name, String content, BigDecimal funds, String expectation, boolean optional) {
    }

    /** An indicator row with its id; a heading without indicators has no name, targets or weight. */
    public record Item(long id, String level1, String level2, String name, String periodTarget, String yearTarget,
                       BigDecimal weight, Measure measure) {

        public boolean headingOnly() {
            return name == null;
        }

        /** The yearly target as read, the unit from the name when the target has none. */
        public TargetExpression target() {
            return TargetExpression.parse(yearTarget, name);
        }
    }

    /** The declaration as a form again: what the parser would read from its export. */
    public PerformanceForm toForm() {
        return new PerformanceForm(department, budget, goals,
                tasks.stream().map(t -> new PerformanceForm.KeyTask(t.name(), t.content(), t.funds(), t.expectation(), t.optional())).toList(),
                indicators.stream().map(i -> new PerformanceForm.Indicator(i.level1(), i.level2(), i.name(), i.periodTarget(),
                        i.yearTarget(), i.weight())).toList(),
                unplaced);
    }

    /** The indicators that are indicators (not empty headings). */
    public List<Item> scored() {
        return indicators.stream().filter(i -> !i.headingOnly()).toList();
    }

    /** The indicator rows grouped by 一级, then 二级, in form order: what the form's merged cells show. */
    public Map<String, Map<String, List<Item>>> tree() {
        Map<String, Map<String, List<Item>>> tree = new LinkedHashMap<>();
        for (Item i : indicators) {
            tree.computeIfAbsent(i.level1(), k -> new LinkedHashMap<>()).computeIfAbsent(i.level2(), k -> new ArrayList<>()).add(i);
        }
        return tree;
    }

    /**
     * An indicator row as the form's table shows it: how many rows its 一级 and 二级 cells span, 0 where the
     * cell above spans it.
     */
    public record TreeRow(Item item, int level1Span, int level2Span) {
    }

    public List<TreeRow> treeRows() {
        List<TreeRow> rows = new ArrayList<>();
        for (Map<String, List<Item>> l2 : tree().values()) {
            int l1Span = l2.values().stream().mapToInt(List::size).sum();
            boolean firstOfL1 = true;
            for (List<Item> items : l2.values()) {
                for (int k = 0; k < items.size(); k++) {
                    rows.add(new TreeRow(items.get(k), firstOfL1 ? l1Span : 0, k == 0 ? items.size() : 0));
                    firstOfL1 = false;
                }
            }
        }
        return rows;
    }

    /** The sum of the weights given. */
    public BigDecimal weightTotal() {
        return scored().stream().map(Item::weight).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether the weights add up to the 90 points the indicators share (预算执行率 has the other 10). */
    public boolean weightsComplete() {
        return weightTotal().compareTo(BigDecimal.valueOf(100 - SelfEvaluation.BUDGET_POINTS)) == 0;
    }

    public BigDecimal taskFunds() {
        return tasks.stream().map(Task::funds).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
