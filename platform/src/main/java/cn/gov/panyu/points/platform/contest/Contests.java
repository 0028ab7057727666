package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.account.UserAccounts;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.AwardedRecords;
import cn.gov.panyu.points.platform.enterprise.RegistryLookup;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * Staff's side of 双创大赛: contests, the import and matching of entries, assigning experts and recording
 * awards. Every action on an entry names its contest too: an entry of another contest is not found.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class Contests {

    /** One line of the contest list. */
    public record ContestRow(long id, String name, int year, long entries, String createdBy, LocalDateTime createdAt) {
    }

    /** An expert's assignment as staff see it on the entry. */
    public record AssignmentLine(long id, long entryId, String expert, String expertName, AssignmentStatus status,
                                 BigDecimal total, String conflictReason) {
    }

    static final String ENTRY_COLUMNS = """
            e.id, e.contest_id, e.group_id, g.name as group_name, e.source_row, e.project, e.team, e.contact,
            e.enterprise_name, e.stated_uscc, e.uscc, e.proposed_uscc, e.registry_name, e.match_status, e.award""";
    static final String ENTRY_FROM = "from contest_entry e join contest_group g on g.id = e.group_id";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final RegistryLookup registry;
    private final AwardedRecords awarded;
    private final SqlListing<ContestRow> contestList;
    private final SqlListing<Entry> entryList;

    Contests(JdbcClient jdbc, AuditLog audit, UserAccounts accounts, RegistryLookup registry, AwardedRecords awarded) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.registry = registry;
        this.awarded = awarded;
        this.contestList = new SqlListing<>(jdbc,
                "c.id, c.name, c.contest_year, c.created_by, c.created_at,"
                        + " (select count(*) from contest_entry e where e.contest_id = c.id) as entries",
                "from contest c", (rs, n) -> new ContestRow(rs.getLong("id"), rs.getString("name"),
                        rs.getInt("contest_year"), rs.getLong("entries"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toLocalDateTime()),
                Map.of("name", "c.name", "year", "c.contest_year", "created", "c.created_at"), "c.id desc", "c.id");
        this.entryList = new SqlListing<>(jdbc, ENTRY_COLUMNS, ENTRY_FROM, Contests::entry,
                Map.of("row", "e.source_row", "project", "e.project", "group", "g.position", "match", "e.match_status",
                        "award", "e.award"), "g.position, e.source_row", "e.id");
    }

    public TablePage<ContestRow> page(TableQuery query) {
        return contestList.page(SqlFilter.all(), query);
    }

    @Transactional
    public long create(ContestForm.Checked form, PlatformUser user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contest (name, contest_year, expert_weight, created_by, created_at)
                        values (?, ?, ?, ?, ?)""")
                .params(form.name(), form.year(), form.expertWeight(), user.username(), Timestamp.valueOf(LocalDateTime.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < form.groups().size(); i++) {
            jdbc.sql("insert into contest_group (contest_id, name, position) values (?, ?, ?)")
                    .params(id, form.groups().get(i), i).update();
        }
        for (int i = 0; i < form.criteria().size(); i++) {
            jdbc.sql("insert into contest_criterion (contest_id, name, max_score, position) values (?, ?, ?, ?)")
                    .params(id, form.criteria().get(i).getKey(), form.criteria().get(i).getValue(), i).update();
        }
        audit.record(AuditAction.CONTEST_CHANGE, null, "新建双创大赛「" + form.name() + "」（" + form.year() + "）#" + id);
        return id;
    }

    public Contest contest(long id) {
        return ContestData.contest(jdbc, id).orElseThrow(() -> new ContestNotFoundException("contest " + id));
    }

    /** α of the screening list, in percent. */
    @Transactional
    public void setWeight(long contestId, BigDecimal weight) {
        Contest c = contest(contestId);
        jdbc.sql("update contest set expert_weight = ? where id = ?").params(weight, contestId).update();
        audit.record(AuditAction.CONTEST_CHANGE, null, "双创大赛「" + c.title() + "」专家评分权重改为 "
                + weight.stripTrailingZeros().toPlainString() + "%");
    }

    public TablePage<Entry> entries(long contestId, TableQuery query) {
        contest(contestId);
        return entryList.page(SqlFilter.all().and("e.contest_id = ?", contestId), query);
    }

    /** The assignments of the given entries, by entry. */
    public Map<Long, List<AssignmentLine>> assignments(List<Entry> entries) {
        Map<Long, List<AssignmentLine>> byEntry = new HashMap<>();
        if (entries.isEmpty()) {
            return byEntry;
        }
        Map<String, String> names = expertNames();
        jdbc.sql("""
                        select id, entry_id, expert, status, total, conflict_reason from contest_assignment
                        where entry_id in (:ids) order by id""")
                .param("ids", entries.stream().map(Entry::id).toList())
                .query((rs, n) -> new AssignmentLine(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("expert"),
                        names.getOrDefault(rs.getString("expert"), rs.getString("expert")),
                        AssignmentStatus.valueOf(rs.getString("status").strip()), rs.getBigDecimal("total"),
                        rs.getString("conflict_reason")))
                .list().forEach(a -> byEntry.computeIfAbsent(a.entryId(), k -> new ArrayList<>()).add(a));
        return byEntry;
    }

    /** The experts staff may assign: active EXPERT accounts. */
    public List<PlatformUser> experts() {
        return accounts.activeOf(Role.EXPERT);
    }

    private Map<String, String> expertNames() {
        Map<String, String> names = new HashMap<>();
        experts().forEach(u -> names.put(u.username(), u.displayName()));
        return names;
    }

    /**
     * Imports an entries file into a contest: all rows or none. Invalid and duplicate rows are reported by row
     * and column and nothing is stored; a loaded file reports the rows that did not match by USCC.
     */
    @Transactional
    public ImportReport importEntries(long contestId, String fileName, byte[] content, PlatformUser user) {
        Contest contest = contest(contestId);
        Map<String, Long> groups = new LinkedHashMap<>();
        contest.groups().forEach(g -> groups.put(g.name(), g.id()));
        Map<String, Integer> projects = new HashMap<>();
        Map<String, Integer> usccs = new HashMap<>();
        jdbc.sql("select project, stated_uscc, source_row from contest_entry where contest_id = ?").param(contestId)
                .query((ResultSet rs) -> {
                    projects.put(rs.getString("project"), rs.getInt("source_row"));
                    if (rs.getString("stated_uscc") != null) {
                        usccs.put(rs.getString("stated_uscc").strip(), rs.getInt("source_row"));
                    }
                });
        EntryFile.Checked checked = EntryFile.check(content, new EntryFile.Existing(List.copyOf(groups.keySet()), projects, usccs));
        if (!checked.problems().isEmpty()) {
            audit.record(AuditAction.CONTEST_CHANGE, null, "双创大赛「" + contest.title() + "」参赛项目导入被拒绝："
                    + fileName + "，" + checked.problems().size() + " 处问题");
            return new ImportReport(fileName, false, 0, checked.problems(), List.of());
        }
        List<EntryMatcher.Match> matches = EntryMatcher.match(checked.rows(), registry::names, registry::each);
        List<ImportReport.Notice> notices = new ArrayList<>();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (int i = 0; i < checked.rows().size(); i++) {
            EntryFile.Row r = checked.rows().get(i);
            EntryMatcher.Match m = matches.get(i);
            jdbc.sql("""
                            insert into contest_entry (contest_id, group_id, source_row, project, team, contact,
                                enterprise_name, stated_uscc, uscc, proposed_uscc, registry_name, match_status,
                                imported_by, imported_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(contestId, groups.get(r.group()), r.row(), r.project(), r.team(), r.contact(),
                            r.enterpriseName(), r.uscc(), m.uscc(), m.proposedUscc(), m.registryName(),
                            m.status().name(), user.username(), now)
                    .update();
            if (m.status() != MatchStatus.MATCHED) {
                notices.add(new ImportReport.Notice(r.row(), r.project(), m.status().label(), m.note()));
            }
        }
        audit.record(AuditAction.CONTEST_CHANGE, null, "双创大赛「" + contest.title() + "」导入参赛项目 "
                + checked.rows().size() + " 个（" + fileName + "）");
        return new ImportReport(fileName, true, checked.rows().size(), List.of(), notices);
    }

    /** Staff confirm (or reject) the enterprise a name match proposed. */
    @Transactional
    public void decideMatch(long contestId, long entryId, boolean confirm) {
        Entry e = entry(contestId, entryId);
        if (e.match() != MatchStatus.PROPOSED) {
            throw new ContestException("只有“名称匹配待确认”的项目可以确认或否决匹配");
        }
        if (confirm) {
            jdbc.sql("update contest_entry set uscc = proposed_uscc, match_status = 'CONFIRMED' where id = ?")
                    .param(entryId).update();
        } else {
            jdbc.sql("update contest_entry set registry_name = null, match_status = 'REJECTED' where id = ?")
                    .param(entryId).update();
        }
        audit.record(AuditAction.CONTEST_CHANGE, confirm ? e.proposedUscc() : null, "参赛项目「" + e.project() + "」"
                + (confirm ? "确认" : "否决") + "名称匹配「" + e.registryName() + "」");
    }

    /** Assigns an expert to an entry; an expert who declared a conflict on it cannot be assigned again. */
    @Transactional
    public void assign(long contestId, long entryId, String expert) {
        Entry e = entry(contestId, entryId);
        PlatformUser chosen = experts().stream().filter(u -> u.username().equals(expert)).findFirst()
                .orElseThrow(() -> new ContestException("请选择一位评审专家"));
        boolean already = jdbc.sql("select count(*) from contest_assignment where entry_id = ? and expert = ?")
                .params(entryId, expert).query(Integer.class).single() > 0;
        if (already) {
            throw new ContestException(chosen.displayName() + " 已分配过此项目（利益冲突声明也保留），请选择其他专家");
        }
        jdbc.sql("""
                        insert into contest_assignment (entry_id, expert, status, assigned_by, assigned_at)
                        values (?, ?, 'ASSIGNED', ?, ?)""")
                .params(entryId, expert, currentUser(), Timestamp.valueOf(LocalDateTime.now())).update();
        audit.record(AuditAction.CONTEST_CHANGE, e.uscc(), "参赛项目「" + e.project() + "」分配评审专家 " + chosen.displayName());
    }

    /** Records (or, with null, withdraws) an entry's award; the enterprise's merged records follow at once. */
    @Transactional
    public void award(long contestId, long entryId, Award award) {
        Contest c = contest(contestId);
        Entry e = entry(contestId, entryId);
        if (award != null && !e.match().hasEnterprise()) {
            throw new ContestException("项目「" + e.project() + "」尚未匹配到企业名录中的企业：获奖无法计入创新积分，请先确认匹配");
        }
        jdbc.sql("update contest_entry set award = ?, award_by = ?, award_at = ? where id = ?")
                .params(award == null ? null : award.name(), currentUser(), Timestamp.valueOf(LocalDateTime.now()), entryId)
                .update();
        if (e.uscc() != null) {
            awarded.refresh(e.uscc());
        }
        audit.record(AuditAction.CONTEST_CHANGE, e.uscc(), "双创大赛「" + c.title() + "」项目「" + e.project() + "」"
                + (award == null ? "撤销获奖" : "获" + award.label()));
    }

    Entry entry(long contestId, long entryId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " " + ENTRY_FROM + " where e.id = ? and e.contest_id = ?")
                .params(entryId, contestId).query(Contests::entry).optional()
                .orElseThrow(() -> new ContestNotFoundException("entry " + entryId));
    }

    static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("contest_id"), rs.getLong("group_id"), rs.getString("group_name"),
                rs.getInt("source_row"), rs.getString("project"), rs.getString("team"), rs.getString("contact"),
                rs.getString("enterprise_name"), strip(rs.getString("stated_uscc")), strip(rs.getString("uscc")),
                strip(rs.getString("proposed_uscc")), rs.getString("registry_name"),
                MatchStatus.valueOf(rs.getString("match_status").strip()), Award.of(rs.getString("award")));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip(); // CHAR(18) comes back padded
    }

    private static String currentUser() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
