package cn.gov.panyu.points.platform.collection;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a value of an enterprise's yearly record comes from: one of the six departments that deliver
 * bulk files, or the enterprise's own declaration. Each department owns the {@code source_record}
 * columns it is the authority for, so that a department file carries exactly those columns and the
 * merge knows whose value wins:
 * <ul>
 * <li>市场监管 MARKET — the registry itself (name, town, industry, established, kept in {@code enterprise})
 *     and the negatives it records: 经营异常 ABNORMAL, 失信 DISHONEST, 重大事故 ACCIDENT;</li>
 * <li>税务 TAX — revenues of three years, net profit, tax paid, R&amp;D expense of three years (the 加计扣除
 *     filings), total cost and expense, and the negative TAX_D (纳税信用D级);</li>
 * <li>社保 SOCIAL — employees (insured headcount);</li>
 * <li>统计 STATS — R&amp;D staff, S&amp;T staff, total assets and liabilities, net assets of three years;</li>
 * <li>知识产权 IP — class I and II IP (also those tied to the main products), inventions granted, standards
 *     (also those led);</li>
 * <li>科技局 SCITECH — technology contracts, equity financing, high-tech revenue, R&amp;D platforms, awards,
 *     projects, contest awards, academia projects, qualifications, technology conversions and national awards.</li>
 * </ul>
 * {@code negatives} is a set spread over MARKET and TAX: each owns only its own codes
 * ({@link #negativeCodes()}) and the merged record holds the union. SELF may declare any field; the
 * enterprise's own scores for the judgement parts of the 高企 assessment (self_ip_quality,
 * self_rd_management) come from nobody else.
 */
public enum DataSource {
    TAX("税务", List.of("revenue_y0", "revenue_y1", "revenue_y2", "net_profit", "tax_paid", "rd_expense",
            "total_cost_expense", "rd_expense_y1", "rd_expense_y2", "negatives"), Set.of("TAX_D")),
    MARKET("市场监管", List.of("negatives"), Set.of("ABNORMAL", "DISHONEST", "ACCIDENT")),
    IP("知识产权", List.of("ip_class1", "ip_class2", "invention_granted", "standards_5y", "main_ip_class1",
            "main_ip_class2", "led_standards_5y"), Set.of()),
    SOCIAL("社保", List.of("employees"), Set.of()),
    STATS("统计", List.of("rd_staff", "st_staff", "total_assets", "total_liabilities", "net_assets_y0", "net_assets_y1",
            "net_assets_y2"), Set.of()),
    SCITECH("科技局", List.of("tech_contract", "equity_financing_3y", "hitech_revenue", "rd_platforms",
            "awards_5y", "projects_3y", "contest_award_3y", "academia_projects_3y", "qualifications",
            "tech_conversions_y0", "tech_conversions_y1", "tech_conversions_y2", "national_award_5y"), Set.of()),
    SELF("企业填报", null, null);

    /** Registry columns of {@code enterprise}, owned by MARKET (not {@code source_record} columns). */
    public static final List<String> REGISTRY_FIELDS = List.of("name", "town", "industry", "established");

    private final String label;
    private final Set<String> fields;
    private final Set<String> negativeCodes;

    DataSource(String label, List<String> fields, Set<String> negativeCodes) {
        this.label = label;
        this.fields = fields == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(fields));
        this.negativeCodes = negativeCodes;
    }

    public String label() {
        return label;
    }

    /** True for the six departments that deliver bulk files; false for the enterprise's own declaration. */
    public boolean department() {
        return this != SELF;
    }

    /** The {@code source_record} columns this source owns, in template order; SELF: every column. */
    public Set<String> fields() {
        return fields != null ? fields : RecordField.ALL_COLUMNS;
    }

    /** The negative-list codes this department reports (its share of the {@code negatives} set). */
    public Set<String> negativeCodes() {
        if (negativeCodes != null) {
            return negativeCodes;
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList("ABNORMAL", "DISHONEST",
                "ACCIDENT", "TAX_D")));
    }

    /** The Chinese labels of the data columns of this source's template (after USCC and name), for pages. */
    public List<String> fieldLabels() {
        return TemplateColumn.of(this).stream().skip(2).map(TemplateColumn::label).toList();
    }

    /** The departments, in menu order. */
    public static List<DataSource> departments() {
        return Arrays.stream(values()).filter(DataSource::department).toList();
    }
}
