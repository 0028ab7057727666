import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.TierRule;
import cn.gov.panyu.points.engine.model.Transform;
import cn.gov.panyu.points.engine.model.ValueKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reference the engine's speed target is stated against: scoring-spec §2–§7 as one DuckDB SQL query
 * (percentiles from grouped values joined back, ranks by a window function), CSV in and CSV out. Not part of the build — run by
 * scripts/bench-duckdb.sh with DuckDB's JDBC driver and the engine's jar (for the model file only):
 *
 * <pre>java -cp duckdb_jdbc.jar:points-engine-cli.jar DuckDbReference.java INPUT.csv OUT.csv [MODEL.yaml]</pre>
 *
 * It checks none of spec §1's input rules and rounds with DuckDB's ROUND (on the binary value), so it is a
 * yardstick for time, and for scores only to within a cent.
 */
public final class DuckDbReference {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DuckDbReference INPUT.csv OUT.csv [MODEL.yaml]");
            System.exit(2);
        }
        ScoreModel model = args.length > 2 ? ModelLoader.load(Path.of(args[2])) : ModelLoader.defaultModel();
        String sql = "COPY (" + query(model, args[0]) + ") TO " + literal(args[1]) + " (HEADER, DELIMITER ',')";
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        System.out.printf(Locale.ROOT, "DuckDB: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    static String query(ScoreModel model, String input) {
        List<Indicator> indicators = model.indicators();
        StringBuilder sql = new StringBuilder();
        // 1. typed input, stage, and each indicator's value (spec §2–§3)
        sql.append("WITH base AS (SELECT uscc, name, industry, qualifications, negatives, ")
                .append(stage(model)).append(" AS stage");
        for (Indicator ind : indicators) {
            if (!ind.value().isSet()) {
                sql.append(", ").append(value(ind.value(), model)).append(" AS v_").append(ind.code());
            }
        }
        for (BonusItem b : model.bonusItems()) {
            sql.append(", ").append(value(b.value(), model)).append(" AS b_").append(b.code());
        }
        sql.append(" FROM read_csv(").append(literal(input)).append(", header = true, columns = ")
                .append(columns()).append(")),\n");
        // 2. percentiles: per stage and distinct value, how many are equal (E) and below (L), and n — on the
        //    grouped values, which are far fewer than the rows; then fractions per row (spec §4)
        for (Indicator ind : indicators) {
            if (ind.isPercentile()) {
                String c = ind.code();
                sql.append("g_").append(c).append(" AS (SELECT stage, v_").append(c).append(" AS v, count(*) AS e FROM base WHERE v_")
                        .append(c).append(" IS NOT NULL GROUP BY ALL),\n")
                        .append("c_").append(c).append(" AS (SELECT stage, v, e, coalesce(sum(e) OVER (PARTITION BY stage ORDER BY v ")
                        .append("ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS l, sum(e) OVER (PARTITION BY stage) AS n FROM g_")
                        .append(c).append("),\n");
            }
        }
        sql.append("fractions AS (SELECT base.*");
        for (Indicator ind : indicators) {
            sql.append(",\n  ").append(fraction(ind)).append(" AS f_").append(ind.code());
        }
        sql.append(" FROM base");
        for (Indicator ind : indicators) {
            if (ind.isPercentile()) {
                String c = ind.code();
                sql.append(" LEFT JOIN c_").append(c).append(" ON base.stage = c_").append(c).append(".stage AND base.v_")
                        .append(c).append(" = c_").append(c).append(".v");
            }
        }
        sql.append("),\n");
        // 3. points, core, bonus, negatives, total (spec §5–§6)
        sql.append("totals AS (SELECT *, ");
        String core = indicators.stream().map(i -> "p_" + i.code()).collect(Collectors.joining(" + "));
        sql.append("greatest(0, ").append(core).append(" + bonus - deduction) AS total, ")
                .append("round(greatest(0, ").append(core).append(" + bonus - deduction), 2) AS published, ")
                .append(core).append(" AS core FROM (SELECT *");
        for (Indicator ind : indicators) {
            sql.append(", ").append(weight(ind)).append(" * f_").append(ind.code()).append(" AS p_").append(ind.code());
        }
        sql.append(", least(").append(num(model.bonusCap())).append(", ").append(bonus(model)).append(") AS bonus")
                .append(", ").append(deduction(model)).append(" AS deduction")
                .append(", NOT (").append(veto(model)).append(") AS eligible FROM fractions)),\n");
        // 4. ranks and tiers among the eligible of a stage (spec §6)
        //    (m, the eligible per stage, grouped and joined: a filtered window aggregate is far slower)
        sql.append("eligible_counts AS (SELECT stage, count(*) FILTER (WHERE eligible) AS m FROM totals GROUP BY stage),\n")
                .append("ranked AS (SELECT totals.*, eligible_counts.m, CASE WHEN eligible THEN rank() OVER ")
                .append("(PARTITION BY totals.stage, eligible ORDER BY published DESC) END AS rnk ")
                .append("FROM totals JOIN eligible_counts ON totals.stage = eligible_counts.stage)\n");
        // 5. spec §7's columns
        sql.append("SELECT uscc, name, stage, ").append(cents("core")).append(" AS core, ")
                .append(cents("bonus")).append(" AS bonus, ").append(cents("deduction")).append(" AS deduction, ")
                .append(cents("total")).append(" AS total, rnk AS rank, ").append(tier(model)).append(" AS tier, eligible");
        for (Indicator ind : indicators) {
            sql.append(", ").append(cents("p_" + ind.code())).append(" AS ").append(ind.code());
        }
        return sql.append(" FROM ranked").toString();
    }

    private static String columns() {
        List<String> cols = new ArrayList<>();
        for (InputField f : InputField.values()) {
            String type = switch (f.kind()) {
                case AMOUNT, SIGNED_AMOUNT, COUNT, FLAG -> "DOUBLE";
                case DATE -> "DATE";
                default -> "VARCHAR";
            };
            cols.add(literal(f.key()) + ": " + literal(type));
        }
        return "{" + String.join(", ", cols) + "}";
    }

    private static String stage(ScoreModel model) {
        return "CASE WHEN revenue_y0 < " + num(model.growthFrom()) + " THEN 'STARTUP' WHEN revenue_y0 < "
                + num(model.matureFrom()) + " THEN 'GROWTH' ELSE 'MATURE' END";
    }

    /** Spec §2; NULL is missing. */
    private static String value(ValueKey key, ScoreModel model) {
        if (key.field() != null) {
            return key.field().key();
        }
        return switch (key) {
            case RD_INTENSITY -> "CASE WHEN revenue_y0 = 0 THEN NULL ELSE rd_expense / revenue_y0 END";
            case RD_STAFF_RATIO -> "rd_staff / employees";
            case REVENUE_GROWTH -> "CASE WHEN revenue_y1 IS NULL OR revenue_y1 = 0 THEN NULL"
                    + " WHEN revenue_y2 IS NULL OR revenue_y2 = 0 THEN revenue_y0 / revenue_y1 - 1"
                    + " ELSE 0.5 * (revenue_y1 / revenue_y2 + revenue_y0 / revenue_y1) - 1 END";
            case HITECH_RATIO -> "CASE WHEN revenue_y0 = 0 THEN NULL ELSE hitech_revenue / revenue_y0 END";
            case KEY_INDUSTRY -> "CASE WHEN industry IN (" + model.keyIndustries().stream().sorted()
                    .map(DuckDbReference::literal).collect(Collectors.joining(", ")) + ") THEN 1 ELSE 0 END";
            default -> throw new IllegalArgumentException(key + " is set-valued");
        };
    }

    private static String fraction(Indicator ind) {
        String v = "v_" + ind.code();
        Transform t = ind.transform();
        if (t instanceof Transform.Bands bands) {
            StringBuilder c = new StringBuilder("CASE");
            for (Transform.Band b : bands.bands()) {
                c.append(" WHEN ").append(v).append(" >= ").append(num(b.atLeast())).append(" THEN ").append(num(b.fraction()));
            }
            return c.append(" ELSE 0 END").toString();
        }
        if (t instanceof Transform.SetMembers set) {
            String column = ind.value().field().key();
            return "least(1, " + set.members().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> "CASE WHEN list_contains(string_split(coalesce(" + column + ", ''), ';'), "
                            + literal(e.getKey()) + ") THEN " + num(e.getValue()) + " ELSE 0 END")
                    .collect(Collectors.joining(" + ")) + ")";
        }
        // percentile: L = present values below v in the stage, E = equal ones, n = present ones
        String c = "c_" + ind.code();
        return "CASE WHEN " + v + " > 0 THEN (" + c + ".l + (" + c + ".e + 1) / 2.0) / " + c + ".n ELSE 0 END";
    }

    private static String weight(Indicator ind) {
        return "CASE stage WHEN 'STARTUP' THEN " + num(ind.weight(Stage.STARTUP)) + " WHEN 'GROWTH' THEN "
                + num(ind.weight(Stage.GROWTH)) + " ELSE " + num(ind.weight(Stage.MATURE)) + " END";
    }

    private static String bonus(ScoreModel model) {
        return model.bonusItems().stream()
                .map(b -> "CASE WHEN b_" + b.code() + " >= " + num(b.atLeast()) + " THEN " + num(b.points()) + " ELSE 0 END")
                .collect(Collectors.joining(" + ", "(", ")"));
    }

    private static String has(NegativeItem item) {
        return "list_contains(string_split(coalesce(negatives, ''), ';'), " + literal(item.code().name()) + ")";
    }

    private static String deduction(ScoreModel model) {
        return model.negatives().stream().filter(n -> !n.isVeto())
                .map(n -> "CASE WHEN " + has(n) + " THEN " + num(n.points()) + " ELSE 0 END")
                .collect(Collectors.joining(" + ", "(0 + ", ")"));
    }

    private static String veto(ScoreModel model) {
        return model.negatives().stream().filter(NegativeItem::isVeto).map(DuckDbReference::has)
                .collect(Collectors.joining(" OR ", "(false OR ", ")"));
    }

    private static String tier(ScoreModel model) {
        StringBuilder c = new StringBuilder("CASE");
        for (TierRule r : model.tiers()) {
            c.append(" WHEN rnk <= (").append(r.topPercent()).append(" * m + 99) // 100 THEN ").append(literal(r.tier().name()));
        }
        return c.append(" END").toString();
    }

    private static String cents(String column) {
        return "round(" + column + ", 2)::DECIMAL(18, 2)";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
