package cn.gov.panyu.points.engine.generate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Picks one of a fixed list of items with probability proportional to its weight. */
final class WeightedChoice<T> {

    private final Object[] items;
    /** Cumulative weights normalized to end at 1, so one uniform draw selects an item. */
    private final double[] cumulative;

    WeightedChoice(List<T> items, ToDoubleFunction<T> weight) {
        this.items = items.toArray();
        this.cumulative = new double[items.size()];
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weight.applyAsDouble(items.get(i));
            if (w < 0) {
                throw new IllegalArgumentException("negative weight for " + items.get(i));
            }
            total += w;
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to " + total);
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        // rounding must not leave a gap at the top that a draw close to 1 could fall into
        cumulative[cumulative.length - 1] = 1.0;
    }

    /** @param uniform a draw in [0, 1) */
    @SuppressWarnings("unchecked")
    T pick(double uniform) {
        // the lists are short (≤ 20), so a linear scan beats a binary search
        int i = 0;
        while (uniform >= cumulative[i]) {
            i++;
        }
        return (T) items[i];
    }
}
