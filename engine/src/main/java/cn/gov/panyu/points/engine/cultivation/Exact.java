package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Comparisons and figures in decimal arithmetic. Thresholds are inclusive and boundaries matter (4 % is
 * the 4 % band, not the 3 % one): 9.2 / 230 in doubles is a hair below 0.04, so ratios are compared as
 * num · 100 ≥ p · den on the decimals the user typed.
 */
final class Exact {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Exact() {
    }

    /**
     * The decimal the user typed, as {@link BigDecimal#valueOf(double)} gives it (the shortest decimal that
     * reads back as {@code v}). Input figures have at most two decimals (万元 to the 百元), and for those
     * the fen count gives the same value without formatting the double: when fen / 100 reads back as v,
     * it is that shortest decimal, since below 10¹² two such decimals are further apart than two doubles.
     */
    static BigDecimal dec(double v) {
        if (Math.abs(v) < 1e12) {
            long fen = Math.round(v * 100);
            if (fen / 100.0 == v) {
                return BigDecimal.valueOf(fen, 2);
            }
        }
        return BigDecimal.valueOf(v);
    }

    /** num / den ≥ percent %; false when den ≤ 0 (a ratio of nothing meets no threshold). */
    static boolean atLeast(double num, double den, BigDecimal percent) {
        if (!(den > 0)) {
            return false;
        }
        // decided in doubles when far from the boundary (the rounding error of two products is a few ulps);
        // only a near tie pays for decimals, which spares the Double.toString of every comparison
        double lhs = num * 100;
        double rhs = percent.doubleValue() * den;
        double margin = 1e-9 * Math.max(Math.abs(lhs), Math.abs(rhs));
        if (lhs - rhs > margin) {
            return true;
        }
        if (rhs - lhs > margin) {
            return false;
        }
        return atLeast(dec(num), dec(den), percent);
    }

    static boolean atLeast(BigDecimal num, BigDecimal den, BigDecimal percent) {
        return den.signum() > 0 && num.multiply(HUNDRED).compareTo(percent.multiply(den)) >= 0;
    }

    /** num / den as a percentage rounded to one decimal, e.g. "3.2 %". */
    static String percent(double num, double den) {
        return percent(dec(num), dec(den));
    }

    static String percent(BigDecimal num, BigDecimal den) {
        if (den.signum() <= 0) {
            return "—";
        }
        return plain(num.multiply(HUNDRED).divide(den, 1, RoundingMode.HALF_UP)) + " %";
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String plain(double v) {
        // most figures are whole (staff, counts, round amounts): no decimal detour for them
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return plain(dec(v));
    }

    /** An amount in 万元, rounded up to the 0.01 万元 (one 百元) so that the gap figure suffices. */
    static String money(BigDecimal v) {
        return plain(v.setScale(2, RoundingMode.CEILING)) + " 万元";
    }

    /** percent % of base, less what is there: how much more is needed (≤ 0 when nothing is). */
    static BigDecimal shortfall(BigDecimal percent, double base, double have) {
        return shortfall(percent, dec(base), dec(have));
    }

    static BigDecimal shortfall(BigDecimal percent, BigDecimal base, BigDecimal have) {
        return percent.multiply(base).divide(HUNDRED, MathContext.DECIMAL64).subtract(have);
    }

    /**
     * The fewest people to hire, each counted in both the group and the total staff, so that
     * group / total reaches percent %: n ≥ (p · total − group) / (100 − p).
     */
    static long hires(double group, double total, BigDecimal percent) {
        BigDecimal need = percent.multiply(dec(total)).subtract(dec(group).multiply(HUNDRED));
        if (need.signum() <= 0) {
            return 0;
        }
        return need.divide(HUNDRED.subtract(percent), 0, RoundingMode.CEILING).longValueExact();
    }

    static String show(InputField f) {
        return f.display();
    }

    static String show(CultivationField f) {
        return f.display();
    }
}
