package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * The pre-assessment's columns ({@link CultivationField}) for a synthetic enterprise, derived from its
 * drawn scoring figures so that balance sheets, staff and IP agree with the income statement beside
 * them (S&T staff ≥ R&D staff and ≤ employees, IP tied to the main products ≤ all IP).
 *
 * <p>The variation comes from a hash of the firm's USCC, not from the model's random stream: drawing
 * from that stream would change every later firm and so the {@code evaluate} results of a seed that
 * existing files and tests rely on.
 */
public final class CultivationDraw {

    static final CultivationField[] FIELDS = CultivationField.values();
    /** About one firm in thirty has sent none of these figures yet (data collection is under way). */
    private static final double NOT_COLLECTED = 1 / 30.0;

    private CultivationDraw() {
    }

    static boolean inFen(CultivationField f) {
        return f.kind().amount();
    }

    /**
     * The values this draw gives a record (by {@link CultivationField#ordinal()}; 万元 for amounts, NaN where
     * not drawn): for an application that stores generated records field by field, such as a demo
     * district, so that its pre-assessment data are those of {@code generate --cultivation}.
     */
    public static double[] of(EnterpriseRecord record) {
        long[] drawn = new long[FIELDS.length];
        fill(record.uscc().getBytes(StandardCharsets.US_ASCII), field -> fen(record, field), drawn);
        double[] values = new double[FIELDS.length];
        for (CultivationField f : FIELDS) {
            long v = drawn[f.ordinal()];
            values[f.ordinal()] = v == Row.MISSING ? Double.NaN : inFen(f) ? v / 100.0 : v;
        }
        return values;
    }

    /** A record's figure as {@link Row} holds it: amounts in fen. */
    private static long fen(EnterpriseRecord record, InputField field) {
        double v = record.value(field);
        if (Double.isNaN(v)) {
            return Row.MISSING;
        }
        return field.kind().amount() ? Math.round(v * 100) : Math.round(v);
    }

    /** Fills {@code out} (by {@link CultivationField#ordinal()}): fen for amounts, counts as themselves. */
    static void fill(Row row, long[] out) {
        fill(row.uscc, row::get, out);
    }

    private static void fill(byte[] uscc, ToLongFunction<InputField> figures, long[] out) {
        Arrays.fill(out, Row.MISSING);
        long h = 0x9E3779B97F4A7C15L;
        for (byte b : uscc) {
            h = mix(h ^ b);
        }
        double[] u = new double[12];
        for (int i = 0; i < u.length; i++) {
            h = mix(h);
            u[i] = (h >>> 11) * 0x1.0p-53;
        }
        if (u[0] < NOT_COLLECTED) {
            return;
        }
        long revenue = orZero(figures.applyAsLong(InputField.REVENUE_Y0));
        long profit = orZero(figures.applyAsLong(InputField.NET_PROFIT));
        long assets = Math.max(5_000, Math.round(revenue * (0.8 + 0.9 * u[1])));
        long liabilities = Math.round(assets * (0.25 + 0.4 * u[2]));
        long net0 = assets - liabilities;
        long net1 = Math.round(net0 / (1.0 + 0.4 * u[3] - 0.05));
        long net2 = Math.round(net1 / (1.0 + 0.4 * u[4] - 0.05));
        put(out, CultivationField.TOTAL_ASSETS, assets);
        put(out, CultivationField.TOTAL_LIABILITIES, liabilities);
        put(out, CultivationField.TOTAL_COST_EXPENSE, Math.max(0, revenue - profit));
        put(out, CultivationField.NET_ASSETS_Y0, net0);
        put(out, CultivationField.NET_ASSETS_Y1, net1);
        put(out, CultivationField.NET_ASSETS_Y2, net2);

        long employees = figures.applyAsLong(InputField.EMPLOYEES);
        long rdStaff = figures.applyAsLong(InputField.RD_STAFF);
        if (rdStaff != Row.MISSING) {
            // S&T staff are the R&D staff plus some of the technical staff around them
            put(out, CultivationField.ST_STAFF, Math.min(employees, rdStaff + Math.round((employees - rdStaff) * 0.2 * u[5])));
        }
        long rd = figures.applyAsLong(InputField.RD_EXPENSE);
        if (rd != Row.MISSING && figures.applyAsLong(InputField.REVENUE_Y1) != Row.MISSING) {
            long rd1 = Math.round(rd * (0.75 + 0.3 * u[6]));
            put(out, CultivationField.RD_EXPENSE_Y1, rd1);
            if (figures.applyAsLong(InputField.REVENUE_Y2) != Row.MISSING) {
                put(out, CultivationField.RD_EXPENSE_Y2, Math.round(rd1 * (0.75 + 0.3 * u[7])));
            }
        }
        long ip1 = orZero(figures.applyAsLong(InputField.IP_CLASS1));
        long ip2 = orZero(figures.applyAsLong(InputField.IP_CLASS2));
        long conversions = Math.round(ip1 * 0.3 + ip2 * 0.15 + u[8] * 1.5);
        put(out, CultivationField.TECH_CONVERSIONS_Y0, conversions);
        put(out, CultivationField.TECH_CONVERSIONS_Y1, Math.max(0, conversions - (u[9] < 0.5 ? 1 : 0)));
        put(out, CultivationField.TECH_CONVERSIONS_Y2, Math.max(0, conversions - (u[9] < 0.3 ? 2 : 1)));
        if (figures.applyAsLong(InputField.IP_CLASS1) != Row.MISSING && figures.applyAsLong(InputField.IP_CLASS2) != Row.MISSING) {
            put(out, CultivationField.MAIN_IP_CLASS1, (long) Math.floor(ip1 * (0.5 + 0.5 * u[10])));
            put(out, CultivationField.MAIN_IP_CLASS2, (long) Math.floor(ip2 * (0.5 + 0.5 * u[10])));
        }
        long awards = orZero(figures.applyAsLong(InputField.AWARDS_5Y));
        put(out, CultivationField.NATIONAL_AWARD_5Y, awards > 0 && u[11] < 0.1 ? 1 : 0);
        long standards = orZero(figures.applyAsLong(InputField.STANDARDS_5Y));
        put(out, CultivationField.LED_STANDARDS_5Y, (long) Math.floor(standards * u[11]));
        // the self-assessed scores stay blank: they are the firm's word, not a figure to invent
    }

    private static void put(long[] out, CultivationField f, long v) {
        out[f.ordinal()] = v;
    }

    private static long orZero(long v) {
        return v == Row.MISSING ? 0 : v;
    }

    /** SplitMix64's finaliser: a good spread of bits from a counter or a hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
