package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data objective weights are computed from: one row per alternative (enterprise), one column per criterion
 * (indicator), every value finite. Stored column by column because every method works a column at a time.
 */
public final class CriteriaMatrix {

    private final List<String> names;
    private final double[][] columns;

    private CriteriaMatrix(List<String> names, double[][] columns) {
        this.names = names;
        this.columns = columns;
    }

    /**
     * @param names   criterion names, unique and not blank
     * @param columns {@code columns[j][i]}: criterion j of alternative i; at least two alternatives
     * @throws CalibrationException naming the row and column of a value that is not a finite number
     */
    public static CriteriaMatrix ofColumns(List<String> names, double[][] columns) {
        if (names.isEmpty() || names.size() != columns.length) {
            throw new CalibrationException("至少需要一个指标，且指标名称与数据列数一致",
                    "at least one criterion is needed, with one name per column");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name == null || name.isBlank()) {
                throw new CalibrationException(-1, j, name, "指标名称不能为空", "a criterion name is blank");
            }
            if (!seen.add(name)) {
                throw new CalibrationException(-1, j, name, "指标名称「" + name + "」重复", "criterion '" + name + "' is listed twice");
            }
        }
        int n = columns[0].length;
        if (n < 2) {
            throw new CalibrationException("至少需要两个评价对象（数据行）", "at least two alternatives (rows) are needed");
        }
        double[][] copy = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new CalibrationException(-1, j, names.get(j), "各列的数据行数不同", "columns differ in length");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(columns[j][i])) {
                    throw new CalibrationException(i, j, names.get(j), "不是有限的数值", "not a finite number");
                }
            }
            copy[j] = columns[j].clone();
        }
        return new CriteriaMatrix(List.copyOf(names), copy);
    }

    /**
     * A stage's indicator fractions f ∈ [0, 1] (spec §4: what each enterprise achieves of an indicator's weight,
     * missing counted as 0), one column per indicator of the model in model order, one row per enterprise of
     * the stage in record order. This is the matrix the platform calibrates a stage's weights from: fractions
     * are non-negative, comparable across indicators, and exactly what the weights multiply.
     *
     * @throws CalibrationException when the stage has fewer than two enterprises
     */
    public static CriteriaMatrix fractions(ScoreModel model, RecordColumns records, Stage stage) {
        // scored with every weight 1, an indicator's points are its fraction; percentiles do not depend on weights
        Evaluation e = Scorer.score(Reweighting.unitWeights(model), records);
        int count = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.stage(i) == stage) {
                count++;
            }
        }
        double[][] columns = new double[model.indicators().size()][count];
        for (int i = 0, r = 0; i < e.size(); i++) {
            if (e.stage(i) == stage) {
                for (int j = 0; j < columns.length; j++) {
                    columns[j][r] = e.points(i, j);
                }
                r++;
            }
        }
        return ofColumns(model.indicatorCodes(), columns);
    }

    public List<String> names() {
        return names;
    }

    /** Number of alternatives (rows). */
    public int rows() {
        return columns[0].length;
    }

    /** Number of criteria (columns). */
    public int criteria() {
        return columns.length;
    }

    /** Criterion j of alternative i. */
    public double value(int i, int j) {
        return columns[j][i];
    }

    /** Column j itself (no copy: callers inside this package do not modify it). */
    double[] column(int j) {
        return columns[j];
    }

    /** The index of a criterion, or −1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }
}
