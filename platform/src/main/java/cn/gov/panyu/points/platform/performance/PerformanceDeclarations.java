package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.performance.PerformanceForm.Budget;
import cn.gov.panyu.points.platform.performance.PerformanceForm.Indicator;
import cn.gov.panyu.points.platform.performance.PerformanceForm.KeyTask;
import cn.gov.panyu.points.platform.performance.PerformanceForm.UnplacedLine;

/**
 * The bureau's 预算绩效目标 declarations: imported from the budget system's export (text or xlsx), read and
 * edited by staff. An import is one transaction: a form that fails to parse stores nothing, and a form of a
 * department and year already declared replaces that declaration with everything hanging off it.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class PerformanceDeclarations {

    /** One line of the declarations list. */
    public record Summary(long id, String department, int year, int indicators, int unplaced, String updatedBy,
                          LocalDateTime updatedAt) {
    }

    /** What an import stored: the declaration, how many source lines are left unplaced, whether it replaced one. */
    public record Imported(long id, String department, int year, int unplaced, boolean replaced) {
    }

    /** An indicator as staff edit it. */
    public record IndicatorEdit(String name, String periodTarget, String yearTarget, BigDecimal weight, Measure measure) {
    }

    /** The declaration's own parts as staff edit them: budget amounts, goals in order, tasks in order. */
    public record FormEdit(Budget budget, List<String> goals, List<KeyTask> tasks) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PerformanceDeclarations(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Summary> list() {
        return jdbc.sql("""
                select d.id, d.department, d.budget_year, d.updated_by, d.updated_at,
                    (select count(*) from performance_indicator i where i.declaration_id = d.id and i.name is not null) as n,
                    (select count(*) from performance_unplaced u where u.declaration_id = d.id) as u
                from performance_declaration d order by d.budget_year desc, d.department, d.id""")
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("department"), rs.getInt("budget_year"),
                        rs.getInt("n"), rs.getInt("u"), rs.getString("updated_by"), time(rs, "updated_at")))
                .list();
    }

    /** One declaration, or 404. */
    public Declaration get(long id) {
        return find(jdbc, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The declaration an indicator belongs to, or 404. */
    public long declarationOf(long indicatorId) {
        return jdbc.sql("select declaration_id from performance_indicator where id = ? and name is not null").param(indicatorId)
                .query(Long.class).optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Reads the file — the budget system's tab-separated text, or the form as .xlsx — and stores it as the
     * declaration of its department for {@code year}.
     *
     * @throws PerformanceFormException when the form cannot be read; nothing is stored then
     */
    @Transactional
    public Imported importForm(PlatformUser user, int year, String fileName, byte[] content) {
        PerformanceForm form = read(content);
        Optional<Long> existing = jdbc.sql("select id from performance_declaration where department = ? and budget_year = ?")
                .params(form.department(), year).query(Long.class).optional();
        existing.ifPresent(old -> jdbc.sql("delete from performance_declaration where id = ?").param(old).update());
        long id = store(form, year, fileName, user.username());
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, (existing.isPresent() ? "重新导入" : "导入") + year + "年度预算绩效目标申报表 #"
                + id + "（" + form.department() + "，" + fileName + "）");
        return new Imported(id, form.department(), year, form.unplaced().size(), existing.isPresent());
    }

    /** Changes an indicator's name, targets, weight and bound measure; 404 for an id not of this declaration. */
    @Transactional
    public void updateIndicator(long id, long indicatorId, IndicatorEdit edit, PlatformUser user) {
        Declaration d = get(id);
        Declaration.Item item = d.indicators().stream().filter(i -> i.id() == indicatorId && !i.headingOnly()).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        jdbc.sql("""
                update performance_indicator set name = ?, period_target = ?, year_target = ?, weight = ?, measure = ?
                where id = ? and declaration_id = ?""")
                .params(edit.name(), edit.periodTarget(), edit.yearTarget(), edit.weight(),
                        edit.measure() == null ? null : edit.measure().name(), indicatorId, id).update();
        touch(id, user);
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, d.year() + "年度预算绩效指标 #" + indicatorId + "「" + item.name()
                + "」改为「" + edit.name() + "」：年度指标值 " + edit.yearTarget() + "，分值 " + edit.weight() + "，数据来源 "
                + (edit.measure() == null ? "人工填报" : edit.measure().label()));
    }

    /**
     * Replaces the declaration's budget amounts, goals and tasks (the indicators are edited one by one and keep
     * their monitoring); 404 for an unknown id. The audit names what changed, the amounts with old and new value.
     */
    @Transactional
    public void updateForm(long id, FormEdit edit, PlatformUser user) {
        Declaration d = get(id);
        Budget b = edit.budget();
        jdbc.sql("""
                update performance_declaration set basic = ?, project = ?, fiscal = ?, other_funds = ?, special_funds = ?,
                    other_development = ?, district_level = ?, transfers = ? where id = ?""")
                .params(b.basic(), b.project(), b.fiscal(), b.otherFunds(), b.specialFunds(), b.otherDevelopment(),
                        b.districtLevel(), b.transfers(), id).update();
        jdbc.sql("delete from performance_goal where declaration_id = ?").param(id).update();
        insertGoals(id, edit.goals());
        jdbc.sql("delete from performance_task where declaration_id = ?").param(id).update();
        insertTasks(id, edit.tasks());
        touch(id, user);
        List<String> changes = budgetChanges(d.budget(), b);
        if (!d.goals().equals(edit.goals())) {
            changes.add("总体绩效目标（" + edit.goals().size() + " 条）");
        }
        if (!d.toForm().tasks().equals(edit.tasks())) {
            changes.add("年度重点工作任务（" + edit.tasks().size() + " 项，资金合计 "
                    + edit.tasks().stream().map(KeyTask::funds).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString() + " 万元）");
        }
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, "修改" + d.year() + "年度预算绩效目标申报表 #" + id + "（"
                + d.department() + "）：" + (changes.isEmpty() ? "无改动" : String.join("；", changes)));
    }

    /** Each budget amount that changed, as "基本支出 4992.53 → 5000.00". */
    private static List<String> budgetChanges(Budget before, Budget after) {
        BigDecimal[] was = amounts(before);
        BigDecimal[] now = amounts(after);
        List<String> changes = new ArrayList<>();
        int k = 0;
        for (String label : PerformanceInput.BUDGET_FIELDS.values()) {
            if (was[k].compareTo(now[k]) != 0) {
                changes.add(label + " " + was[k].toPlainString() + " → " + now[k].toPlainString());
            }
            k++;
        }
        return changes;
    }

    /** The amounts in the order of {@link PerformanceInput#BUDGET_FIELDS}. */
    private static BigDecimal[] amounts(Budget b) {
        return new BigDecimal[] {b.basic(), b.project(), b.fiscal(), b.otherFunds(), b.specialFunds(),
                b.otherDevelopment(), b.districtLevel(), b.transfers()};
    }

    void touch(long id, PlatformUser user) {
        jdbc.sql("update performance_declaration set updated_by = ?, updated_at = ? where id = ?")
                .params(user.username(), LocalDateTime.now(), id).update();
    }

    static PerformanceForm read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new PerformanceFormException(1, "文件是空的");
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            // a zip: the form saved as .xlsx, read by the engine's reader like every upload
            return PerformanceFormParser.parseTable(TableReader.read(content, null));
        }
        return PerformanceFormParser.parseText(decode(content));
    }

    /** UTF-8 as the budget system writes it; GB18030 when a user saved it from a Chinese Windows editor. */
    static String decode(byte[] content) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(content, java.nio.charset.Charset.forName("GB18030"));
        }
    }

    private long store(PerformanceForm form, int year, String sourceName, String username) {
        Budget b = form.budget();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into performance_declaration (department, budget_year, basic, project, fiscal, other_funds,
                    special_funds, other_development, district_level, transfers, source_name, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(form.department(), year, b.basic(), b.project(), b.fiscal(), b.otherFunds(), b.specialFunds(),
                        b.otherDevelopment(), b.districtLevel(), b.transfers(), sourceName, username, LocalDateTime.now())
                .update(key, "id");
        long id = key.getKey().longValue();
        insertGoals(id, form.goals());
        insertTasks(id, form.tasks());
        List<Indicator> indicators = form.indicators();
        boolean formWeights = indicators.stream().anyMatch(i -> i.weight() != null);
        List<BigDecimal> weights = formWeights ? indicators.stream().map(Indicator::weight).toList()
                : SelfEvaluation.defaultWeights(indicators.stream().map(i -> i.isHeadingOnly() ? null : i.level1()).toList());
        for (int p = 0; p < indicators.size(); p++) {
            Indicator i = indicators.get(p);
            Measure measure = Measure.suggestedFor(i.name(), TargetExpression.parse(i.yearTarget(), i.name()));
            jdbc.sql("""
                    insert into performance_indicator (declaration_id, position, level1, level2, name, period_target,
                        year_target, weight, measure) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, p, i.level1(), i.level2(), i.name(), i.periodTarget(), i.yearTarget(), weights.get(p),
                            measure == null ? null : measure.name()).update();
        }
        for (UnplacedLine u : form.unplaced()) {
            jdbc.sql("insert into performance_unplaced (declaration_id, line_no, text) values (?, ?, ?)")
                    .params(id, u.line(), u.text()).update();
        }
        return id;
    }

    private void insertGoals(long id, List<String> goals) {
        for (int p = 0; p < goals.size(); p++) {
            jdbc.sql("insert into performance_goal (declaration_id, position, text) values (?, ?, ?)")
                    .params(id, p, goals.get(p)).update();
        }
    }

    private void insertTasks(long id, List<KeyTask> tasks) {
        for (int p = 0; p < tasks.size(); p++) {
            KeyTask t = tasks.get(p);
            jdbc.sql("""
                    insert into performance_task (declaration_id, position, name, content, funds, expectation, optional)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, p, t.name(), t.content(), t.funds(), t.expectation(), t.optional()).update();
        }
    }

    /** A declaration by id, unguarded: for the module's own services, which check access themselves. */
    static Optional<Declaration> find(JdbcClient jdbc, long id) {
        return jdbc.sql("select * from performance_declaration where id = ?").param(id).query((rs, n) -> {
            Budget b = new Budget(rs.getBigDecimal("basic"), rs.getBigDecimal("project"), rs.getBigDecimal("fiscal"),
                    rs.getBigDecimal("other_funds"), rs.getBigDecimal("special_funds"), rs.getBigDecimal("other_development"),
                    rs.getBigDecimal("district_level"), rs.getBigDecimal("transfers"));
            return new Declaration(rs.getLong("id"), rs.getString("department"), rs.getInt("budget_year"), b, List.of(),
                    List.of(), List.of(), List.of(), rs.getString("source_name"), rs.getString("updated_by"),
                    time(rs, "updated_at"));
        }).optional().map(d -> new Declaration(d.id(), d.department(), d.year(), d.budget(),
                jdbc.sql("select text from performance_goal where declaration_id = ? order by position").param(id)
                        .query(String.class).list(),
                jdbc.sql("select * from performance_task where declaration_id = ? order by position").param(id)
                        .query((rs, n) -> new Declaration.Task(rs.getLong("id"), rs.getString("name"), rs.getString("content"),
                                rs.getBigDecimal("funds"), rs.getString("expectation"), rs.getBoolean("optional"))).list(),
                jdbc.sql("select * from performance_indicator where declaration_id = ? order by position").param(id)
                        .query((rs, n) -> new Declaration.Item(rs.getLong("id"), rs.getString("level1"), rs.getString("level2"),
                                rs.getString("name"), rs.getString("period_target"), rs.getString("year_target"),
                                rs.getBigDecimal("weight"), Measure.byCode(rs.getString("measure")))).list(),
                jdbc.sql("select line_no, text from performance_unplaced where declaration_id = ? order by line_no").param(id)
                        .query((rs, n) -> new UnplacedLine(rs.getInt(1), rs.getString(2))).list(),
                d.sourceName(), d.updatedBy(), d.updatedAt()));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    /** The measures an indicator with this target may be bound to (units that compare). */
    public static Map<String, String> measureChoices(TargetExpression target) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            if (target.quantitative() && m.fits(target.unit())) {
                choices.put(m.name(), m.label() + "（" + m.unit() + "）");
            }
        }
        return choices;
    }

    static List<Measure> all() {
        return new ArrayList<>(List.of(Measure.values()));
    }
}
