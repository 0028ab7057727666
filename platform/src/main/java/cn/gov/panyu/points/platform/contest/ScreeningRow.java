package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.util.List;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * One line of the screening list.
 *
 * @param experts    how many experts' submitted totals the expert score is the mean of
 * @param expert     the expert score (0..100), null when no expert submitted
 * @param points     the enterprise's published total, null when it has none
 * @param normalised the points normalised within the stage (0..100), null when there are none
 * @param combined   the combined score, null without an expert score
 * @param rank       1 = best; 0 for an entry without a combined score
 * @param notes      what the reader should know: missing points, ties, a veto
 */
public record ScreeningRow(Entry entry, int experts, BigDecimal expert, Stage stage, BigDecimal points,
                           BigDecimal normalised, BigDecimal combined, int rank, boolean tied, List<String> notes) {

    public ScreeningRow {
        notes = List.copyOf(notes);
    }

    public String notesText() {
        return String.join("；", notes);
    }
}
