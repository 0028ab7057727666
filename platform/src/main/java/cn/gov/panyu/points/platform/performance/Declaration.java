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

    /** The sum of the weights given. */
    public BigDecimal weightTotal() {
        return scored().stream().map(Item::weight).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal taskFunds() {
        return tasks.stream().map(Task::funds).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
