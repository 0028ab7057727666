package cn.gov.panyu.points.platform.calibration;

import java.util.List;

/**
 * The weights of one stage side by side, as the page shows them.
 *
 * @param modelLabel  the active model's name and version
 * @param enterprises enterprises of the stage the objective weights were computed from
 * @param rows        one per indicator of the model, in model order
 * @param ahp         the AHP figures, null when no matrix was entered
 * @param notes       what the objective method noted (e.g. an indicator without information)
 */
public record Calibration(CalibrationRequest request, String modelLabel, int enterprises, List<Row> rows, Ahp ahp,
                          List<String> notes) {

    public Calibration {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * One indicator: weights as shares of 1 except {@code modelPoints} and {@code points}, which are in points.
     *
     * @param ahp the AHP share, null without a matrix
     */
    public record Row(String code, String name, String category, double modelPoints, double objective, Double ahp,
                      double combined, double points) {
    }

    /** The AHP result over the model's indicator categories. */
    public record Ahp(List<String> categories, List<Double> weights, double lambdaMax, double ci, double cr) {
    }

    /** The combined weights in points, by indicator code: what a draft gets. */
    public double totalPoints() {
        return rows.stream().mapToDouble(Row::points).sum();
    }
}
