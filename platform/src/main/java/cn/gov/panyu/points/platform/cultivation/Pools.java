package cn.gov.panyu.points.platform.cultivation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.RegistryReferences;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The reserve pools: their rules, the versions built by them per year, and staff's decisions on the members
 * of the newest version (older versions are history, read only). Building again with the same rule on the
 * same data proposes the same members and answers the version that already says so, so a second click or a
 * retried request adds nothing.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class Pools implements RegistryReferences {

    private static final String VERSION_COLUMNS = """
            v.id, v.pool, v.data_year, v.version, v.rule_text, v.created_by, v.created_at,
            (select count(*) from cultivation_pool_member m where m.version_id = v.id) as members,
            (select count(*) from cultivation_pool_member m where m.version_id = v.id and m.status = 'CONFIRMED') as confirmed,
            (select count(*) from cultivation_pool_member m where m.version_id = v.id and m.status = 'REMOVED') as removed""";
    private static final Map<String, String> SORTABLE = Map.of("name", "e.name", "uscc", "m.uscc", "town", "e.town",
            "status", "m.status", "decided", "m.decided_at");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PreAssessments assessments;
    private final AuditLog audit;
    private final SqlListing<PoolMember> members;

    Pools(JdbcClient jdbc, JdbcTemplate batch, PreAssessments assessments, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.assessments = assessments;
        this.audit = audit;
        this.members = new SqlListing<>(jdbc,
                "m.uscc, e.name, e.town, e.industry, m.reason, m.status, m.note, m.decided_by, m.decided_at",
                "from cultivation_pool_member m join enterprise e on e.uscc = m.uscc", Pools::member, SORTABLE,
                "e.name, m.uscc", "m.uscc");
    }

    /** The rule a pool is built by now: as staff last set it, or the defaults. */
    public PoolRule rule(Pool pool) {
        return jdbc.sql("select parameters from cultivation_pool_rule where pool = ?").param(pool.name())
                .query(String.class).optional().map(stored -> PoolRule.fromStored(pool, stored))
                .orElseGet(() -> PoolRule.defaults(pool));
    }

    /**
     * Sets a pool's rule from typed parameters; the versions already built keep the rule they were built by.
     *
     * @throws IllegalArgumentException with a Chinese message naming the parameter
     */
    @Transactional
    public PoolRule setRule(Pool pool, Map<String, String> typed, String user) {
        PoolRule rule = PoolRule.parse(pool, typed);
        int updated = jdbc.sql("update cultivation_pool_rule set parameters = ?, updated_by = ?, updated_at = ? where pool = ?")
                .params(rule.stored(), user, Timestamp.valueOf(LocalDateTime.now()), pool.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into cultivation_pool_rule (pool, parameters, updated_by, updated_at) values (?, ?, ?, ?)")
                    .params(pool.name(), rule.stored(), user, Timestamp.valueOf(LocalDateTime.now())).update();
        }
        audit.record(AuditAction.CULTIVATION_POOL_CHANGE, null, pool.label() + " 规则改为：" + rule.text());
        return rule;
    }

    /**
     * Builds the pool of a year by its current rule: a new version whose members are the enterprises the rule
     * proposes now, each with the latest decision staff made on it in an earlier version of the year, if any.
     *
     * @return the version's id: the newest one unchanged when it already holds exactly this rule and these members
     */
    @Transactional
    public long build(Pool pool, int year, String user) {
        PoolRule rule = rule(pool);
        Map<String, String> proposed = new LinkedHashMap<>();
        for (Assessed a : assessments.year(year).all()) {
            String reason = rule.reason(a, year);
            if (reason != null) {
                proposed.put(a.uscc(), reason);
            }
        }
        Optional<PoolVersion> latest = latest(pool, year);
        Map<String, Object[]> decided = new HashMap<>();
        if (latest.isPresent()) {
            PoolVersion v = latest.get();
            if (v.ruleText().equals(rule.text()) && new TreeSet<>(memberUsccs(v.id())).equals(new TreeSet<>(proposed.keySet()))) {
                return v.id();
            }
            // each enterprise's latest decision of the year, also from a version it was not in (a stricter rule
            // left it out for a while): staff decide once, not again after every change of rule
            jdbc.sql("""
                    select m.uscc, m.status, m.note, m.decided_by, m.decided_at from cultivation_pool_member m
                    join cultivation_pool_version v on v.id = m.version_id
                    where v.pool = ? and v.data_year = ? and m.status <> 'PROPOSED' order by v.version""")
                    .params(pool.name(), year).query((ResultSet rs) -> {
                        decided.put(rs.getString(1).strip(), new Object[]{rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5)});
                    });
        }
        int number = latest.map(v -> v.version() + 1).orElse(1);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into cultivation_pool_version (pool, data_year, version, rule_text, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(pool.name(), year, number, rule.text(), user, Timestamp.valueOf(LocalDateTime.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        proposed.forEach((uscc, reason) -> {
            Object[] d = decided.getOrDefault(uscc, new Object[]{"PROPOSED", null, null, null});
            rows.add(new Object[]{id, uscc, reason, d[0], d[1], d[2], d[3]});
        });
        insertMembers(rows);
        audit.record(AuditAction.CULTIVATION_POOL_CHANGE, null,
                pool.label() + " " + year + " 年第 " + number + " 版：" + proposed.size() + " 家（" + rule.text() + "）");
        return id;
    }

    private void insertMembers(List<Object[]> rows) {
        batch.batchUpdate("""
                insert into cultivation_pool_member (version_id, uscc, reason, status, note, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private List<String> memberUsccs(long versionId) {
        return jdbc.sql("select uscc from cultivation_pool_member where version_id = ?").param(versionId)
                .query(String.class).list().stream().map(String::strip).toList();
    }

    /** The newest version of a pool for a year. */
    public Optional<PoolVersion> latest(Pool pool, int year) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from cultivation_pool_version v where v.pool = ? and v.data_year = ?"
                + " order by v.version desc limit 1").params(pool.name(), year).query(Pools::version).optional();
    }

    /** A version by id; 404 for none. */
    public PoolVersion version(long id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from cultivation_pool_version v where v.id = ?").param(id)
                .query(Pools::version).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个培育库版本"));
    }

    /** Every version of a pool for a year, newest first. */
    public List<PoolVersion> versions(Pool pool, int year) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from cultivation_pool_version v where v.pool = ? and v.data_year = ?"
                + " order by v.version desc").params(pool.name(), year).query(Pools::version).list();
    }

    public TablePage<PoolMember> members(long versionId, PoolMember.Status status, TableQuery query) {
        return members.page(filter(versionId, status), query);
    }

    public List<PoolMember> allMembers(long versionId, PoolMember.Status status, TableQuery query) {
        return members.all(filter(versionId, status), query);
    }

    private static SqlFilter filter(long versionId, PoolMember.Status status) {
        return SqlFilter.all().and("m.version_id = ?", versionId).andIf(status != null, "m.status = ?",
                status == null ? null : status.name());
    }

    /**
     * Confirms or removes a member of the newest version of its pool; a removal needs its reason.
     *
     * @throws IllegalArgumentException with a Chinese message: an older version, or a removal without reason
     */
    @Transactional
    public void decide(long versionId, String uscc, PoolMember.Status decision, String note, String user) {
        PoolVersion v = version(versionId);
        String reason = note == null ? "" : note.strip();
        int found = jdbc.sql("select count(*) from cultivation_pool_member where version_id = ? and uscc = ?")
                .params(versionId, uscc).query(Integer.class).single();
        if (found == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该企业不在此培育库版本中");
        }
        if (latest(v.pool(), v.year()).map(PoolVersion::id).orElse(-1L) != versionId) {
            throw new IllegalArgumentException("这是历史版本，只能在最新版本中确认或移除。");
        }
        if (decision == PoolMember.Status.PROPOSED) {
            throw new IllegalArgumentException("请选择确认或移除。");
        }
        if (decision == PoolMember.Status.REMOVED && reason.isEmpty()) {
            throw new IllegalArgumentException("移除出库须填写理由。");
        }
        if (reason.length() > 200) {
            throw new IllegalArgumentException("理由不能超过 200 字。");
        }
        jdbc.sql("update cultivation_pool_member set status = ?, note = ?, decided_by = ?, decided_at = ? where version_id = ? and uscc = ?")
                .params(decision.name(), reason.isEmpty() ? null : reason, user, Timestamp.valueOf(LocalDateTime.now()),
                        versionId, uscc).update();
        audit.record(AuditAction.CULTIVATION_POOL_CHANGE, uscc, v.pool().label() + " " + v.year() + " 年第 " + v.version()
                + " 版：" + decision.label() + (reason.isEmpty() ? "" : "（" + reason + "）"));
    }

    /**
     * How a pool changed from the year before: who entered, who left, who stayed (members not removed of the
     * newest version of each year).
     */
    public Movement movement(Pool pool, int year) {
        Set<String> now = kept(pool, year);
        Set<String> before = kept(pool, year - 1);
        Set<String> entered = new TreeSet<>(now);
        entered.removeAll(before);
        Set<String> left = new TreeSet<>(before);
        left.removeAll(now);
        Set<String> stayed = new TreeSet<>(now);
        stayed.retainAll(before);
        return new Movement(latest(pool, year - 1).isPresent(), entered.size(), left.size(), stayed.size());
    }

    /** Counts of a pool's movement from the year before; {@code compared} is false when that year has no pool. */
    public record Movement(boolean compared, int entered, int left, int stayed) {
    }

    private Set<String> kept(Pool pool, int year) {
        return latest(pool, year).map(v -> Set.copyOf(jdbc.sql(
                        "select uscc from cultivation_pool_member where version_id = ? and status <> 'REMOVED'").param(v.id())
                .query(String.class).list().stream().map(String::strip).toList())).orElse(Set.of());
    }

    @Override
    @PreAuthorize("permitAll()")
    public Set<String> referenced(Collection<String> usccs) {
        return RegistryReferences.query(jdbc, "select distinct uscc from cultivation_pool_member where uscc in (:usccs)", usccs);
    }

    private static PoolVersion version(ResultSet rs, int n) throws SQLException {
        return new PoolVersion(rs.getLong("id"), Pool.valueOf(rs.getString("pool").strip()), rs.getInt("data_year"),
                rs.getInt("version"), rs.getString("rule_text"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getLong("members"), rs.getLong("confirmed"),
                rs.getLong("removed"));
    }

    private static PoolMember member(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("decided_at");
        return new PoolMember(rs.getString("uscc").strip(), rs.getString("name"), rs.getString("town"),
                rs.getString("industry").strip(), rs.getString("reason"),
                PoolMember.Status.valueOf(rs.getString("status").strip()), rs.getString("note"),
                rs.getString("decided_by"), at == null ? null : at.toLocalDateTime());
    }
}
