package cn.gov.panyu.points.engine.model;

import java.util.List;
import java.util.Map;

/** How an indicator turns its value into a fraction f ∈ [0, 1] (spec §4). */
public sealed interface Transform {

    /** The name used in model files. */
    String kind();

    /**
     * Average rank within the stage divided by the number of present values; missing or ≤ 0 gets 0.
     * Relative, so it is computed by the scorer over the whole cohort, not here.
     */
    record Percentile() implements Transform {
        @Override
        public String kind() {
            return "percentile";
        }
    }

    /** Thresholds, highest first: the fraction of the first threshold the value reaches, else 0. */
    record Bands(List<Band> bands) implements Transform {
        public Bands {
            bands = List.copyOf(bands);
        }

        @Override
        public String kind() {
            return "bands";
        }

        public double fraction(double v) {
            // NaN compares false, so a missing value falls through to 0; indexed, as this runs per enterprise
            for (int i = 0; i < bands.size(); i++) {
                Band b = bands.get(i);
                if (v >= b.atLeast()) {
                    return b.fraction();
                }
            }
            return 0;
        }
    }

    /** Each member present adds its value; the sum is capped at 1. */
    record SetMembers(Map<String, Double> members, double[] valueByOrdinal) implements Transform {
        public SetMembers {
            members = Map.copyOf(members);
            valueByOrdinal = valueByOrdinal.clone();
        }

        @Override
        public String kind() {
            return "set";
        }

        /** @param bits members present, by ordinal of the key's member enum */
        public double fraction(int bits) {
            double sum = 0;
            for (int i = 0; i < valueByOrdinal.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    sum += valueByOrdinal[i];
                }
            }
            return Math.min(1, sum);
        }
    }

    /** One band: values ≥ {@code atLeast} get {@code fraction}. */
    record Band(double atLeast, double fraction) {
    }
}
