package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * 科技信贷 totals for the bureau — per bank, year, stage and tier: applications, approvals, refusals, loans and
 * their amounts, average rate and time to decision. The credit module's public figures: the staff page and its
 * export show them, and the dashboards read them through {@link #totals} and add rows with
 * {@link CreditTotal#plus}.
 *
 * <p>An application counts in the year it was filed, a loan in the year it was granted; both under the stage and
 * tier of the published result they rested on (kept with them, so a later publication does not move them).
 * Added up in Java from the rows: there are few (applications, not enterprises), and the same code then runs on
 * H2 and PostgreSQL, whose date arithmetic differs.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class CreditTotals {

    /** The filters of the totals; null for "every". */
    public record Filter(Integer year, String bankCode) {

        public static Filter none() {
            return new Filter(null, null);
        }
    }

    private record Key(String bankCode, int year, Stage stage, Tier tier) {
    }

    private static final Comparator<CreditTotal> ORDER = Comparator.comparing(CreditTotal::bankName)
            .thenComparing(CreditTotal::year, Comparator.reverseOrder())
            .thenComparing(CreditTotal::stage, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CreditTotal::tier, Comparator.nullsLast(Comparator.naturalOrder()));

    private final JdbcClient jdbc;

    CreditTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per bank, year, stage and tier that has an application or a loan: by bank, newest year first. */
    @Transactional(readOnly = true)
    public List<CreditTotal> totals(Filter filter) {
        Map<Key, CreditTotal> rows = new LinkedHashMap<>();
        String bank = filter.bankCode() == null || filter.bankCode().isBlank() ? null : filter.bankCode().strip();
        LocalDate from = filter.year() == null ? LocalDate.of(1, 1, 1) : LocalDate.of(filter.year(), 1, 1);
        LocalDate until = filter.year() == null ? LocalDate.of(9999, 1, 1) : from.plusYears(1);
        jdbc.sql("""
                        select a.bank_code, b.name, a.submitted_at, a.stage, a.tier, a.status, a.decided_at
                        from credit_application a join bank b on b.code = a.bank_code
                        where a.submitted_at >= :from and a.submitted_at < :until
                        """ + (bank == null ? "" : " and a.bank_code = :bank"))
                .param("from", Timestamp.valueOf(from.atStartOfDay())).param("until", Timestamp.valueOf(until.atStartOfDay()))
                .param("bank", String.valueOf(bank))
                .query((ResultSet rs) -> {
                    LocalDateTime submitted = rs.getTimestamp(3).toLocalDateTime();
                    Timestamp decidedAt = rs.getTimestamp(7);
                    ApplicationStatus status = ApplicationStatus.valueOf(rs.getString(6).strip());
                    boolean approved = status == ApplicationStatus.ACCEPTED || status == ApplicationStatus.LOANED;
                    long minutes = decidedAt == null ? 0 : Duration.between(submitted, decidedAt.toLocalDateTime()).toMinutes();
                    add(rows, rs.getString(1), rs.getString(2), submitted.getYear(), rs.getString(4), rs.getString(5),
                            new CreditTotal(null, null, null, null, null, 1, approved ? 1 : 0,
                                    status == ApplicationStatus.REJECTED ? 1 : 0, decidedAt == null ? 0 : 1, minutes, 0,
                                    BigDecimal.ZERO, BigDecimal.ZERO));
                });
        jdbc.sql("""
                        select l.bank_code, b.name, l.granted_on, l.stage, l.tier, l.amount, l.rate
                        from credit_loan l join bank b on b.code = l.bank_code
                        where l.granted_on >= :from and l.granted_on < :until
                        """ + (bank == null ? "" : " and l.bank_code = :bank"))
                .param("from", from).param("until", until).param("bank", String.valueOf(bank))
                .query((ResultSet rs) -> {
                    add(rows, rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class).getYear(), rs.getString(4), rs.getString(5),
                            new CreditTotal(null, null, null, null, null, 0, 0, 0, 0, 0, 1, rs.getBigDecimal(6),
                                    rs.getBigDecimal(7)));
                });
        List<CreditTotal> list = new ArrayList<>(rows.values());
        list.sort(ORDER);
        return list;
    }

    /** All rows added up: the figures of everything the filter selects. */
    public static CreditTotal sum(List<CreditTotal> rows) {
        // from the first row, not from an empty one: a key all rows share (one bank, one year) stays in the sum
        return rows.stream().reduce(CreditTotal::plus).orElseGet(() -> CreditTotal.empty(null, null, null, null, null));
    }

    /** The years that have an application or a loan, newest first, for the filter. */
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        jdbc.sql("select submitted_at from credit_application").query(Timestamp.class).list()
                .forEach(t -> years.add(t.toLocalDateTime().getYear()));
        jdbc.sql("select granted_on from credit_loan").query(LocalDate.class).list().forEach(d -> years.add(d.getYear()));
        return List.copyOf(years);
    }

    private static void add(Map<Key, CreditTotal> rows, String bankCode, String bankName, int year, String stage,
                            String tier, CreditTotal figures) {
        Stage s = stage == null ? null : Stage.valueOf(stage.strip());
        Tier t = tier == null ? null : Tier.valueOf(tier.strip());
        rows.merge(new Key(bankCode, year, s, t), figures.keyed(bankCode, bankName, year, s, t), CreditTotal::plus);
    }
}
