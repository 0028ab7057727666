package cn.gov.panyu.points.platform.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.quality.Fact;
import cn.gov.panyu.points.engine.quality.Rule;
import cn.gov.panyu.points.platform.collection.RecordField;

/** A flag as the queue lists it: the engine's flag with the enterprise, its review state and decision. */
public record QualityFlag(long id, int year, String uscc, String name, String town, String industry, String field,
                          Rule rule, String value, double severity, String reason, List<Fact> facts,
                          FlagStatus status, String decidedBy, LocalDateTime decidedAt, String note) {

    static final String COLUMNS = "q.id, q.data_year, q.uscc, e.name, e.town, e.industry, q.field, q.check_rule,"
            + " q.flag_value, q.severity, q.reason, q.facts, q.status, q.decided_by, q.decided_at, q.note";
    /** Flags of enterprises no longer in the registry (a rolled-back import) drop out with the join. */
    static final String FROM = "from quality_flag q join enterprise e on e.uscc = q.uscc";

    /** The field's name with its unit, as the department templates title it. */
    public String fieldLabel() {
        RecordField f = RecordField.forColumn(field);
        return f == null ? field : f.labelWithUnit();
    }

    public String industryLabel() {
        return IndustryCode.display(industry);
    }

    /** Severity as the queue shows it: whole points of 100. */
    public long severityPoints() {
        return Math.round(severity);
    }

    public boolean open() {
        return status == FlagStatus.OPEN;
    }

    /** The facts as one line, for the Excel export. */
    public String factsText() {
        StringBuilder sb = new StringBuilder();
        for (Fact f : facts) {
            sb.append(sb.isEmpty() ? "" : "；").append(f.label()).append(' ').append(f.value());
        }
        return sb.toString();
    }

    static QualityFlag map(ResultSet rs, int row) throws SQLException {
        return new QualityFlag(rs.getLong(1), rs.getInt(2), rs.getString(3).strip(), rs.getString(4), rs.getString(5),
                rs.getString(6).strip(), rs.getString(7), Rule.valueOf(rs.getString(8).strip()), rs.getString(9),
                rs.getDouble(10), rs.getString(11), facts(rs.getString(12)), FlagStatus.valueOf(rs.getString(13).strip()),
                rs.getString(14), rs.getObject(15, LocalDateTime.class), rs.getString(16));
    }

    /** Facts as stored: one "label TAB value" per line (labels and values hold neither). */
    static String stored(List<Fact> facts) {
        StringBuilder sb = new StringBuilder();
        for (Fact f : facts) {
            sb.append(f.label()).append('\t').append(f.value()).append('\n');
        }
        return sb.toString();
    }

    static List<Fact> facts(String stored) {
        List<Fact> facts = new ArrayList<>();
        for (String line : stored.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                facts.add(new Fact(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return facts;
    }
}
