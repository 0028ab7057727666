package cn.gov.panyu.points.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.generate.CultivationDraw;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.RecordField;

/**
 * The demo district's data: the engine's synthetic district for the latest year, and the two years
 * before derived from it so that they tell one consistent story — last year's revenue is this year's
 * "上年营业收入", firms founded later are absent, counts grow over time. A pure function of (seed, latest
 * year, size); no database.
 */
final class DemoDistrict {

    /** Years of data: the latest and the two before it. */
    static final int YEARS = 3;

    private final int latestYear;
    private final List<EnterpriseRecord> latest;
    /** Index = years back from the latest; derived once, each year is written to six files. */
    private final List<List<EnterpriseRecord>> byYearsBack = new ArrayList<>();

    DemoDistrict(long seed, int latestYear, int size) {
        this.latestYear = latestYear;
        this.latest = new SyntheticDistrict(seed, latestYear).records(size);
        for (int back = 0; back < YEARS; back++) {
            byYearsBack.add(derive(back));
        }
    }

    int latestYear() {
        return latestYear;
    }

    /** The years of data, oldest first. */
    List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int k = YEARS - 1; k >= 0; k--) {
            years.add(latestYear - k);
        }
        return years;
    }

    /** The enterprises that existed in {@code year} with that year's numbers. */
    List<EnterpriseRecord> records(int year) {
        int back = latestYear - year;
        if (back < 0 || back >= YEARS) {
            throw new IllegalArgumentException("the demo district has data for " + years() + " only, not " + year);
        }
        return byYearsBack.get(back);
    }

    private List<EnterpriseRecord> derive(int back) {
        int year = latestYear - back;
        if (back == 0) {
            return latest;
        }
        List<EnterpriseRecord> list = new ArrayList<>(latest.size());
        for (EnterpriseRecord r : latest) {
            if (r.established().getYear() <= year) {
                list.add(earlier(r, latestYear, back));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The record {@code back} years before the latest: revenues shift by {@code back} years (the oldest
     * extrapolated with the firm's own trend), the other amounts scale with revenue, counts shrink a
     * little per year back; qualifications stay (高企 from the year it was recognised), negatives belong to the
     * latest year only.
     */
    static EnterpriseRecord earlier(EnterpriseRecord r, int latestYear, int back) {
        int year0 = latestYear - back;
        double[] revenue = revenueHistory(r, back + 3);
        double revenueNow = revenue[0];
        double revenueThen = revenue[back];
        double scale = revenueNow > 0 ? clamp(revenueThen / revenueNow, 0.3, 1.2) : Math.pow(0.85, back);
        double shrink = Math.pow(0.88, back);

        EnterpriseRecord.Builder b = EnterpriseRecord.builder(r.uscc()).name(r.name()).town(r.town())
                .industry(r.industry()).established(r.established());
        int founded = r.established().getYear();
        InputField[] revenueFields = {InputField.REVENUE_Y0, InputField.REVENUE_Y1, InputField.REVENUE_Y2};
        for (int i = 0; i < revenueFields.length; i++) {
            if (year0 - i >= founded) {
                b.set(revenueFields[i], fen(revenue[back + i]));
            }
        }
        double y0 = revenue[back];
        for (InputField f : List.of(InputField.NET_PROFIT, InputField.TAX_PAID, InputField.RD_EXPENSE,
                InputField.TECH_CONTRACT, InputField.EQUITY_FINANCING_3Y)) {
            double v = r.value(f);
            if (!Double.isNaN(v)) {
                b.set(f, fen(v * scale));
            }
        }
        double hitech = r.value(InputField.HITECH_REVENUE);
        if (!Double.isNaN(hitech)) {
            b.set(InputField.HITECH_REVENUE, Math.min(fen(hitech * scale), Math.floor(y0 * 100) / 100));
        }
        double employees = r.value(InputField.EMPLOYEES);
        long staff = Math.max(1, Math.round(employees * (0.5 + 0.5 * scale)));
        b.set(InputField.EMPLOYEES, staff);
        double rdStaff = r.value(InputField.RD_STAFF);
        if (!Double.isNaN(rdStaff)) {
            b.set(InputField.RD_STAFF, Math.min(staff, Math.round(rdStaff * (0.5 + 0.5 * scale))));
        }
        double class1 = shrunk(r.value(InputField.IP_CLASS1), shrink);
        double invention = shrunk(r.value(InputField.INVENTION_GRANTED), shrink);
        if (!Double.isNaN(invention)) {
            // granted this year is a part of the valid class I IP
            b.set(InputField.INVENTION_GRANTED, Double.isNaN(class1) ? invention : Math.min(class1, invention));
        }
        for (InputField f : List.of(InputField.IP_CLASS1, InputField.IP_CLASS2, InputField.RD_PLATFORMS,
                InputField.AWARDS_5Y, InputField.STANDARDS_5Y, InputField.PROJECTS_3Y, InputField.ACADEMIA_PROJECTS_3Y)) {
            double v = r.value(f);
            if (!Double.isNaN(v)) {
                b.set(f, shrunk(v, shrink));
            }
        }
        double contest = r.value(InputField.CONTEST_AWARD_3Y);
        if (!Double.isNaN(contest)) {
            b.set(InputField.CONTEST_AWARD_3Y, contest);
        }
        for (Qualification q : r.qualifications()) {
            if (q != Qualification.HTE || year0 >= hteSince(r, latestYear)) {
                b.qualification(q);
            }
        }
        return b.build();
    }

    /**
     * The year a 高企 of the latest year was recognised: spread by its USCC over the latest year and the three
     * before (a recognition lasts three years), so that the earlier years have fewer 高企 and the back-test
     * (模型回测) sees enterprises become one.
     */
    static int hteSince(EnterpriseRecord r, int latestYear) {
        return latestYear - Math.floorMod(r.uscc().hashCode(), 4);
    }

    /**
     * Revenue of the latest year and the years before it, index = years back; beyond what the record
     * carries, extrapolated backwards with the firm's latest growth (bounded, so no firm shrinks to nothing).
     */
    static double[] revenueHistory(EnterpriseRecord r, int length) {
        double[] h = new double[length];
        h[0] = r.value(InputField.REVENUE_Y0);
        double y1 = r.value(InputField.REVENUE_Y1);
        double y2 = r.value(InputField.REVENUE_Y2);
        double backFactor = h[0] > 0 && !Double.isNaN(y1) && y1 > 0 ? clamp(y1 / h[0], 0.55, 1.05) : 0.85;
        h[1] = Double.isNaN(y1) ? h[0] * backFactor : y1;
        if (length > 2) {
            h[2] = Double.isNaN(y2) ? h[1] * backFactor : y2;
        }
        for (int i = 3; i < length; i++) {
            h[i] = h[i - 1] * backFactor;
        }
        return h;
    }

    /** The CSV file a department would deliver for {@code year}: its template's columns, UTF-8. */
    byte[] csv(DataSource source, int year) {
        return csv(source, records(year));
    }

    static byte[] csv(DataSource source, List<EnterpriseRecord> records) {
        List<String> columns = new ArrayList<>(List.of("uscc", "name"));
        if (source == DataSource.MARKET) {
            columns.addAll(List.of("town", "industry", "established"));
        }
        columns.addAll(source.fields());
        StringBuilder sb = new StringBuilder(records.size() * 120);
        sb.append(String.join(",", columns)).append('\n');
        for (EnterpriseRecord r : records) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(quoted(cell(r, columns.get(c), source)));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The value of one template column for a record, "" when missing. */
    static String cell(EnterpriseRecord r, String column, DataSource source) {
        switch (column) {
            case "uscc":
                return r.uscc();
            case "name":
                return r.name();
            case "town":
                return r.town();
            case "industry":
                return r.industry();
            case "established":
                return r.established().toString();
            case "qualifications":
                return r.qualifications().stream().map(Enum::name).collect(Collectors.joining(";"));
            case "negatives": {
                Set<String> own = source.negativeCodes();
                return r.negatives().stream().map(Negative::name).filter(own::contains).collect(Collectors.joining(";"));
            }
            default:
                break;
        }
        RecordField field = RecordField.forColumn(column);
        if (field == null) {
            throw new IllegalArgumentException("not a record column: " + column);
        }
        // the cultivation columns as the engine's generator draws them, so that the demo's pre-assessments are
        // those of `generate --cultivation` on the same records
        double v = field.input() != null ? r.value(field.input()) : CultivationDraw.of(r)[field.cultivation().ordinal()];
        if (Double.isNaN(v)) {
            return "";
        }
        // BigDecimal rather than String.format: this runs for every cell of 50,000 rows
        return field.kind().amount() ? BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString()
                : Long.toString(Math.round(v));
    }

    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A count some years earlier: fewer, never below zero; missing stays missing. */
    private static double shrunk(double v, double factor) {
        return Double.isNaN(v) ? Double.NaN : Math.floor(v * factor);
    }

    private static double fen(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
