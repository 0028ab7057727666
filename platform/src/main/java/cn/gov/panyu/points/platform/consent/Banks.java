package cn.gov.panyu.points.platform.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The partner banks (table {@code bank}, one row per bank code), read by every feature that names a bank:
 * an enterprise's consents, a bank's products. Reading is deliberately without a role check, like a
 * repository: the list of partner banks is no secret, and each caller decides what its user may do with a
 * bank. Staff add banks and correct their names; a code never changes, since bank officers' accounts,
 * consents and products hold it.
 */
@Service
public class Banks {

    /** What a bank code may look like: what staff type into a bank officer's account. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final int MAX_NAME = 100;
    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name");

    private final JdbcClient jdbc;
    private final SqlListing<Bank> listing;
    private final AuditLog audit;

    Banks(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, "code, name", "from bank", (rs, n) -> new Bank(rs.getString(1), rs.getString(2)),
                SORTABLE, "name, code", "code");
        this.audit = audit;
    }

    /** Every bank, by name. */
    public List<Bank> all() {
        return jdbc.sql("select code, name from bank order by name").query((rs, n) -> new Bank(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The bank of a code; empty for a blank or unknown one. */
    public Optional<Bank> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select code, name from bank where code = :code").param("code", code.strip())
                .query((rs, n) -> new Bank(rs.getString(1), rs.getString(2))).optional();
    }

    /** One page of the banks for staff. */
    @PreAuthorize("hasRole('STAFF')")
    public TablePage<Bank> page(TableQuery query) {
        return listing.page(SqlFilter.all(), query);
    }

    /** Every bank in the page's order, for "导出Excel". */
    @PreAuthorize("hasRole('STAFF')")
    public List<Bank> export(TableQuery query) {
        return listing.all(SqlFilter.all(), query);
    }

    /**
     * Adds a bank.
     *
     * @return the problems by input ("code", "name"), empty when the bank was added
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public Map<String, String> create(String code, String name) {
        Map<String, String> problems = new LinkedHashMap<>();
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            problems.put("code", "银行代码：2–32 位大写字母、数字或连字符，如 ICBC-PY");
        } else if (find(c).isPresent()) {
            problems.put("code", "银行代码：" + c + " 已存在");
        }
        checkName(name, problems);
        if (problems.isEmpty()) {
            jdbc.sql("insert into bank (code, name) values (?, ?)").params(c, name.strip()).update();
            audit.record(AuditAction.BANK_CHANGE, null, "新增合作银行 " + name.strip() + "（" + c + "）");
        }
        return problems;
    }

    /** Corrects a bank's name; 404 for an unknown code. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public Map<String, String> rename(String code, String name) {
        Bank bank = find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> problems = new LinkedHashMap<>();
        checkName(name, problems);
        if (problems.isEmpty()) {
            jdbc.sql("update bank set name = ? where code = ?").params(name.strip(), bank.code()).update();
            audit.record(AuditAction.BANK_CHANGE, null,
                    "合作银行 " + bank.code() + " 更名：" + bank.name() + " → " + name.strip());
        }
        return problems;
    }

    private static void checkName(String name, Map<String, String> problems) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.put("name", "银行名称不能为空");
        } else if (n.length() > MAX_NAME) {
            problems.put("name", "银行名称最多 " + MAX_NAME + " 个字");
        }
    }
}
