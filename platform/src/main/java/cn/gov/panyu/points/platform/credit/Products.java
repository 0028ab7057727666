package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.consent.Bank;
import cn.gov.panyu.points.platform.consent.Banks;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * 积分贷 products: staff manage every bank's, a bank officer only their own bank's. Whose products a user
 * reaches is decided here from the signed-in user alone — never from the request — and bound into every
 * statement, so another bank's product id matches no row and is answered 404 like an id that does not exist.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF', 'BANK')")
public class Products {

    private static final String COLUMNS = """
            p.id, p.bank_code, b.name as bank_name, p.name, p.description, p.stages, p.lowest_tier, p.minimum_total,
            p.required_qualifications, p.excluded_qualifications, p.excluded_negatives, p.minimum_years, p.base_lead,
            p.base_run, p.base_rise, p.bands, p.line_cap, p.term_months, p.rate_ceiling, p.valid_from, p.valid_to,
            p.updated_by, p.updated_at""";
    private static final String FROM = "from credit_product p join bank b on b.code = p.bank_code";
    private static final Map<String, String> SORTABLE = Map.of("name", "p.name", "bank", "b.name",
            "tier", "p.lowest_tier", "cap", "p.line_cap", "term", "p.term_months", "rate", "p.rate_ceiling",
            "from", "p.valid_from", "to", "p.valid_to", "updated", "p.updated_at");

    private final JdbcClient jdbc;
    private final SqlListing<CreditProduct> listing;
    private final Banks banks;
    private final AuditLog audit;

    Products(JdbcClient jdbc, Banks banks, AuditLog audit) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, COLUMNS, FROM, Products::row, SORTABLE, "b.name, p.name, p.id", "p.id");
        this.banks = banks;
        this.audit = audit;
    }

    /** The banks a product can belong to: every bank for staff, their own for a bank officer. */
    public List<Bank> banks(PlatformUser user) {
        List<Bank> all = banks.all();
        return isBank(user) ? all.stream().filter(b -> b.code().equals(user.bankCode())).toList() : all;
    }

    public TablePage<CreditProduct> page(PlatformUser user, String bank, TableQuery query) {
        return listing.page(scope(user, bank), query);
    }

    /** Every product of the list, for "导出Excel". */
    public List<CreditProduct> all(PlatformUser user, String bank, TableQuery query) {
        return listing.all(scope(user, bank), query);
    }

    /** One product the user may manage, or 404. */
    public CreditProduct get(PlatformUser user, long id) {
        return find(user, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** One product the user may manage; empty for another bank's or an unknown id. */
    public Optional<CreditProduct> find(PlatformUser user, long id) {
        SqlFilter f = scope(user, null).and("p.id = ?", id);
        return jdbc.sql("select " + COLUMNS + " " + FROM + f.where()).params(f.args()).query(Products::row).optional();
    }

    /**
     * Stores a new product of {@code bankCode} (a bank officer's own bank, whatever was sent).
     *
     * @return its id, or empty when staff named no bank that exists
     */
    @Transactional
    public Optional<Long> create(PlatformUser user, String bankCode, ProductTerms t) {
        String code = isBank(user) ? user.bankCode() : bankCode;
        Optional<Bank> bank = banks(user).stream().filter(b -> b.code().equals(code)).findFirst();
        if (bank.isEmpty()) {
            return Optional.empty();
        }
        KeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into credit_product (bank_code, name, description, stages, lowest_tier, minimum_total,
                    required_qualifications, excluded_qualifications, excluded_negatives, minimum_years, base_lead,
                    base_run, base_rise, bands, line_cap, term_months, rate_ceiling, valid_from, valid_to,
                    updated_by, updated_at)
                values (:bank, :name, :description, :stages, :tier, :minTotal, :required, :excludedQ, :excludedN,
                    :years, :lead, :run, :rise, :bands, :cap, :term, :rate, :from, :to, :user, :now)"""), user, t)
                .param("bank", code).update(key, "id");
        long id = key.getKey().longValue();
        audit.record(AuditAction.CREDIT_PRODUCT_CHANGE, null, "新建积分贷产品 #" + id + "「" + t.name() + "」（" + bank.get().name() + "）");
        return Optional.of(id);
    }

    /** Replaces the terms of a product the user may manage; 404 for any other id. Its bank never changes. */
    @Transactional
    public void update(PlatformUser user, long id, ProductTerms t) {
        CreditProduct before = get(user, id);
        bind(jdbc.sql("""
                update credit_product set name = :name, description = :description, stages = :stages,
                    lowest_tier = :tier, minimum_total = :minTotal, required_qualifications = :required,
                    excluded_qualifications = :excludedQ, excluded_negatives = :excludedN, minimum_years = :years,
                    base_lead = :lead, base_run = :run, base_rise = :rise, bands = :bands, line_cap = :cap,
                    term_months = :term, rate_ceiling = :rate, valid_from = :from, valid_to = :to,
                    updated_by = :user, updated_at = :now
                where id = :id and bank_code = :bank"""), user, t)
                .param("id", id).param("bank", before.bankCode()).update();
        audit.record(AuditAction.CREDIT_PRODUCT_CHANGE, null, "修改积分贷产品 #" + id + "「" + t.name() + "」（" + before.bankName() + "）");
    }

    /** The current products of a bank, for the credit lines shown with a consented enterprise's report. */
    @PreAuthorize("hasRole('BANK')")
    public List<CreditProduct> offeredBy(PlatformUser user, LocalDate day) {
        SqlFilter f = scope(user, null).and("p.valid_from <= ?", day).and("p.valid_to >= ?", day);
        return jdbc.sql("select " + COLUMNS + " " + FROM + f.where() + " order by p.name, p.id").params(f.args())
                .query(Products::row).list();
    }

    /** Every bank's products offered on {@code day}, for an enterprise's 金融超市: by bank, then name. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public List<CreditProduct> offered(LocalDate day) {
        SqlFilter f = offeredOn(day);
        return jdbc.sql("select " + COLUMNS + " " + FROM + f.where() + " order by b.name, p.name, p.id").params(f.args())
                .query(Products::row).list();
    }

    /** One product offered on {@code day}, for an enterprise applying; empty for any other id. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public Optional<CreditProduct> offered(long id, LocalDate day) {
        SqlFilter f = offeredOn(day).and("p.id = ?", id);
        return jdbc.sql("select " + COLUMNS + " " + FROM + f.where()).params(f.args()).query(Products::row).optional();
    }

    private static SqlFilter offeredOn(LocalDate day) {
        return SqlFilter.all().and("p.valid_from <= ?", day).and("p.valid_to >= ?", day);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, PlatformUser user, ProductTerms t) {
        ProductRules r = t.rules();
        return sql.param("name", t.name()).param("description", t.description())
                .param("stages", codes(r.stages())).param("tier", r.lowestTier().name())
                .param("minTotal", r.minimumTotal())
                .param("required", SetCodes.QUALIFICATIONS.toStored(r.required()))
                .param("excludedQ", SetCodes.QUALIFICATIONS.toStored(r.excludedQualifications()))
                .param("excludedN", SetCodes.NEGATIVES.toStored(r.excludedNegatives()))
                .param("years", r.minimumYears())
                .param("lead", r.baseAmounts().get(Tier.LEAD)).param("run", r.baseAmounts().get(Tier.RUN))
                .param("rise", r.baseAmounts().get(Tier.RISE))
                .param("bands", BandText.format(r.bands(), ";")).param("cap", r.cap())
                .param("term", t.termMonths()).param("rate", t.rateCeiling())
                .param("from", t.validFrom()).param("to", t.validTo())
                .param("user", user.username()).param("now", Timestamp.valueOf(LocalDateTime.now()));
    }

    /**
     * Staff see every bank's products (narrowed to one bank when they filter); a bank officer only their
     * bank's — and an officer without a bank none, as the code binds as a value no product has.
     */
    private static SqlFilter scope(PlatformUser user, String bank) {
        if (isBank(user)) {
            return SqlFilter.all().and("p.bank_code = ?", user.bankCode() == null ? "" : user.bankCode());
        }
        return SqlFilter.all().andIf(bank != null && !bank.isBlank(), "p.bank_code = ?", bank);
    }

    private static boolean isBank(PlatformUser user) {
        return user.role() == Role.BANK;
    }

    private static String codes(Set<Stage> stages) {
        return String.join(";", stages.stream().map(Stage::name).toList());
    }

    private static CreditProduct row(ResultSet rs, int n) throws SQLException {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String code : rs.getString("stages").split(";")) {
            stages.add(Stage.valueOf(code.strip()));
        }
        Map<Tier, BigDecimal> bases = new EnumMap<>(Tier.class);
        putIfPresent(bases, Tier.LEAD, rs.getBigDecimal("base_lead"));
        putIfPresent(bases, Tier.RUN, rs.getBigDecimal("base_run"));
        putIfPresent(bases, Tier.RISE, rs.getBigDecimal("base_rise"));
        Set<Qualification> required = SetCodes.QUALIFICATIONS.fromStored(rs.getString("required_qualifications"));
        Set<Qualification> excludedQ = SetCodes.QUALIFICATIONS.fromStored(rs.getString("excluded_qualifications"));
        Set<Negative> excludedN = SetCodes.NEGATIVES.fromStored(rs.getString("excluded_negatives"));
        Map<String, String> problems = new LinkedHashMap<>();
        List<ProductRules.Band> bands = BandText.parse(rs.getString("bands"), "bands", problems);
        if (!problems.isEmpty()) {
            // only checked bands are ever stored: anything else is damaged data, named so it can be repaired
            throw new IllegalStateException("credit_product " + rs.getLong("id") + ": " + problems.get("bands"));
        }
        ProductRules rules = new ProductRules(stages, Tier.valueOf(rs.getString("lowest_tier").strip()),
                stripped(rs.getBigDecimal("minimum_total")), required, excludedQ, excludedN, rs.getInt("minimum_years"),
                bases, bands, stripped(rs.getBigDecimal("line_cap")));
        ProductTerms terms = new ProductTerms(rs.getString("name"), rs.getString("description"), rules,
                rs.getInt("term_months"), stripped(rs.getBigDecimal("rate_ceiling")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
        return new CreditProduct(rs.getLong("id"), rs.getString("bank_code"), rs.getString("bank_name"), terms,
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toLocalDateTime());
    }

    private static void putIfPresent(Map<Tier, BigDecimal> bases, Tier tier, BigDecimal v) {
        if (v != null) {
            bases.put(tier, stripped(v));
        }
    }

    /** As the form reads it (no trailing zeros of the column's scale), so a stored product equals the checked one. */
    static BigDecimal stripped(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
