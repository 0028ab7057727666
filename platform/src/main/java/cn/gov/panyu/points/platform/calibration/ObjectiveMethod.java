package cn.gov.panyu.points.platform.calibration;

import java.util.Set;

import cn.gov.panyu.points.engine.calibration.CriteriaMatrix;
import cn.gov.panyu.points.engine.calibration.CriticWeights;
import cn.gov.panyu.points.engine.calibration.EntropyWeights;
import cn.gov.panyu.points.engine.calibration.Normalisation;
import cn.gov.panyu.points.engine.calibration.Weights;

/** The objective weighting methods staff choose from; the label states the normalisation, as the page must. */
public enum ObjectiveMethod {
    ENTROPY_SUM("熵权法（比重归一化 p = x/Σx）"),
    ENTROPY_MINMAX("熵权法（先极差归一化，再 p = x'/Σx'）"),
    CRITIC("CRITIC 法（极差归一化，样本标准差与皮尔逊相关系数）");

    private final String label;

    ObjectiveMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The method's weights of a stage's indicator fractions. Fractions are "more is better" by construction
     * (spec §4), so no criterion is a cost criterion here.
     */
    Weights compute(CriteriaMatrix m) {
        return switch (this) {
            case ENTROPY_SUM -> EntropyWeights.compute(m, Normalisation.SUM, Set.of());
            case ENTROPY_MINMAX -> EntropyWeights.compute(m, Normalisation.MINMAX, Set.of());
            case CRITIC -> CriticWeights.compute(m, Set.of());
        };
    }

    /** The method named by a request parameter, entropy with p = x/Σx when absent or unknown. */
    static ObjectiveMethod parse(String text) {
        for (ObjectiveMethod m : values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        return ENTROPY_SUM;
    }
}
