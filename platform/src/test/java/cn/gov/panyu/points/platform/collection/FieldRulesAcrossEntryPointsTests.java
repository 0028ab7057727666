package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Problem;
import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordReader;
import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;
import cn.gov.panyu.points.engine.input.Violation;
import cn.gov.panyu.points.platform.collection.ImportPreview.RowViolation;
import cn.gov.panyu.points.platform.declaration.DeclarationFields;

/**
 * Each input field's rules live once, in the engine: the same value gets the same verdict and the same
 * rule text at each of the three entry points —
 * <ul>
 * <li>{@code CLI}: the engine's record reader on a CSV file (what {@code points evaluate} reads);</li>
 * <li>{@code IMPORT}: a department file read by the engine's table reader and validated by
 *     {@link DepartmentFile} against the template of the department that owns the field;</li>
 * <li>{@code FORM}: an enterprise's declaration, {@link DeclarationFields#check} as on submit.</li>
 * </ul>
 * The last column says where a value can be stated at all, and for every entry point left out the test
 * checks why: a declaration cannot state the registry columns (uscc, name, town, industry, established)
 * or the negative list, which only departments report; and a cross-field rule cannot be checked in a
 * department file, because the two values are owned by two different departments' templates (the CLI and
 * the form, which hold whole records, check it).
 */
class FieldRulesAcrossEntryPointsTests {

    private static final int YEAR = 2025;
    private static final String USCC = "91440113MA5CXK7Y1" + UnifiedSocialCreditCode.checkCharacter("91440113MA5CXK7Y1");

    enum EntryPoint { CLI, IMPORT, FORM }

    /**
     * @param rule the expected Chinese rule text, empty when the value is accepted; a text ending in "…"
     *             is the start of a long one (a list of towns or codes)
     */
    @ParameterizedTest(name = "{0} = [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # field            | value               | rule (empty: accepted)                                   | stated at
            uscc               |                     | 必填项不能为空                                              | CLI IMPORT
            uscc               | 91440113TPAGEHRRE   | 长度应为18位（实际 17 位）                                    | CLI IMPORT
            uscc               | 91440113TPAGEHRRI7  | 含非法字符 'I'                                              | CLI IMPORT
            uscc               | 91440113TPAGEHRRE8  | 校验位应为 7                                                | CLI IMPORT
            name               |                     | 必填项不能为空                                              | CLI IMPORT
            town               | 天河区               | 不是允许的镇街，应为：市桥街道、沙头街道、东环街道…                 | CLI IMPORT
            industry           | C44                 | 门类 C 的大类代码应为 13–43                                   | CLI IMPORT
            industry           | 3610                | 应为门类字母加2位大类代码，如 C36                               | CLI IMPORT
            established        | 2026-01-01          | 不得晚于 2025-12-31（评价年度 2025）                           | CLI IMPORT
            established        | 2023-02-29          | 不是有效的日期                                              | CLI IMPORT
            established        | 20130825            | 应为日期 yyyy-MM-dd，如 2015-06-30                          | CLI IMPORT
            established        | 2025-12-31          |                                                          | CLI IMPORT
            revenue_y0         |                     | 必填项不能为空                                              | CLI IMPORT FORM
            revenue_y0         | abc                 | 应为数字，如 123.45（不带单位和符号）                            | CLI IMPORT FORM
            revenue_y0         | 1e5                 | 应为数字，如 123.45（不带单位和符号）                            | CLI IMPORT FORM
            revenue_y0         | 1,5                 | 应为数字，如 123.45（不带单位和符号）                            | CLI IMPORT FORM
            revenue_y0         | -1                  | 不得为负数                                                  | CLI IMPORT FORM
            revenue_y0         | -0                  | 不得为负数                                                  | CLI IMPORT FORM
            revenue_y0         | 1,234.5             |                                                          | CLI IMPORT FORM
            revenue_y1         | -0.01               | 不得为负数                                                  | CLI IMPORT FORM
            net_profit         | -12.5               |                                                          | CLI IMPORT FORM
            net_profit         | -0                  |                                                          | CLI IMPORT FORM
            net_profit         | 12.5万               | 应为数字，如 123.45（不带单位和符号）                            | CLI IMPORT FORM
            tax_paid           | -5                  | 不得为负数                                                  | CLI IMPORT FORM
            tax_paid           | '　5　'              |                                                          | CLI IMPORT FORM
            employees          |                     | 必填项不能为空                                              | CLI IMPORT FORM
            employees          | 0                   | 应至少为 1                                                  | CLI IMPORT FORM
            employees          | 1.5                 | 应为非负整数                                                | CLI IMPORT FORM
            employees          | -3                  | 不得为负数                                                  | CLI IMPORT FORM
            employees          | 3.0                 |                                                          | CLI IMPORT FORM
            rd_staff           | 0.5                 | 应为非负整数                                                | CLI IMPORT FORM
            rd_staff           | 60                  | 不得大于职工总数（职工总数为 50）                      | CLI FORM
            rd_staff           | 50                  |                                                          | CLI IMPORT FORM
            ip_class1          | 1.5                 | 应为非负整数                                                | CLI IMPORT FORM
            ip_class1          | two                 | 应为非负整数                                                | CLI IMPORT FORM
            ip_class1          | -0                  | 不得为负数                                                  | CLI IMPORT FORM
            hitech_revenue     | 1000.01             | 不得大于本年营业收入（本年营业收入为 1000）             | CLI FORM
            contest_award_3y   | 2                   | 应为 0 或 1                                                 | CLI IMPORT FORM
            contest_award_3y   | 0.5                 | 应为 0 或 1                                                 | CLI IMPORT FORM
            contest_award_3y   | -0                  | 不得为负数                                                  | CLI IMPORT FORM
            contest_award_3y   | yes                 | 应为 0 或 1                                                 | CLI IMPORT FORM
            contest_award_3y   | 1                   |                                                          | CLI IMPORT FORM
            qualifications     | HTE;ABC             | 未知的资质「ABC」，可选：高新技术企业、科技型中小企业…        | CLI IMPORT FORM
            qualifications     | 高新技术企业；SRDI     |                                                          | CLI IMPORT FORM
            negatives          | 欠税                 | 未知的负面情形「欠税」，可选：失信被执行人…                 | CLI IMPORT
            """)
    void theSameValueGetsTheSameVerdictAndRuleTextAtEveryEntryPoint(String key, String value, String rule,
                                                                   String statedAt) {
        String text = value == null ? "" : value;
        Set<EntryPoint> entryPoints = Arrays.stream(statedAt.split(" ")).map(EntryPoint::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EntryPoint.class)));
        Map<EntryPoint, String> verdicts = new EnumMap<>(EntryPoint.class);
        for (EntryPoint at : EntryPoint.values()) {
            if (!entryPoints.contains(at)) {
                assertThat(cannotBeChecked(at, key, rule)).as(at + " is left out of " + key + " = [" + text + "]")
                        .isTrue();
                continue;
            }
            verdicts.put(at, switch (at) {
                case CLI -> cli(key, text);
                case IMPORT -> departmentImport(key, text);
                case FORM -> declaration(key, text);
            });
        }

        String first = verdicts.values().iterator().next();
        assertThat(verdicts).as("the same verdict and text everywhere")
                .allSatisfy((at, v) -> assertThat(v).as(at.name()).isEqualTo(first));
        if (rule == null) {
            assertThat(first).as("accepted").isEmpty();
        } else if (rule.endsWith("…")) {
            assertThat(first).startsWith(rule.substring(0, rule.length() - 1));
        } else {
            assertThat(first).isEqualTo(rule);
        }
    }

    /** Why an entry point cannot state or check a value; false when the table's omission is unfounded. */
    private static boolean cannotBeChecked(EntryPoint at, String key, String rule) {
        RecordField field = RecordField.forColumn(key);
        return switch (at) {
            case CLI -> false; // a CSV file holds every field
            case FORM -> !new DeclarationFields().fields().contains(field);
            case IMPORT -> rule != null && FieldRules.LIMITS.stream().anyMatch(l -> l.field().key().equals(key)
                    && YearRecordMerge.owner(field) != YearRecordMerge.owner(RecordField.forColumn(l.limit().key())));
        };
    }

    // ---------------------------------------------------------------- the three entry points

    /** The rule the engine's record reader reports for the field, "" when the file is accepted. */
    private static String cli(String key, String value) {
        Map<String, String> row = validRecord();
        row.put(key, value);
        String csv = String.join(",", row.keySet()) + "\n"
                + row.values().stream().map(FieldRulesAcrossEntryPointsTests::csvCell).collect(Collectors.joining(","))
                + "\n";
        ReadResult read = RecordReader.read(csv.getBytes(StandardCharsets.UTF_8), ReadRules.panyu(YEAR), null);
        return single(read.violations().stream().filter(v -> v.column().equals(key)).map(Violation::ruleZh).toList(),
                read.violations().toString());
    }

    /** The rule a department import reports, in the template of the department that owns the field. */
    private static String departmentImport(String key, String value) {
        RecordField field = RecordField.forColumn(key);
        DataSource source = field == null ? DataSource.MARKET : YearRecordMerge.owner(field);
        List<TemplateColumn> template = TemplateColumn.of(source);
        Map<String, String> valid = validRecord();
        List<String> header = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        String label = null;
        for (TemplateColumn c : template) {
            header.add(c.key());
            cells.add(csvCell(c.key().equals(key) ? value : valid.getOrDefault(c.key(), "10")));
            if (c.key().equals(key)) {
                label = c.label();
            }
        }
        assertThat(label).as(key + " in the template of " + source).isNotNull();
        String csv = String.join(",", header) + "\n" + String.join(",", cells) + "\n";
        DepartmentFile.Result result = new DepartmentFile(source, YEAR, uscc -> true)
                .validate(TableReader.read(csv.getBytes(StandardCharsets.UTF_8), null));
        String column = label;
        return single(result.violations().stream().filter(v -> v.column().equals(column)).map(RowViolation::rule)
                .toList(), result.violations().toString());
    }

    /** The rule an enterprise's declaration reports on submit, the other fields filled in validly. */
    private static String declaration(String key, String value) {
        DeclarationFields form = new DeclarationFields();
        Map<String, String> valid = validRecord();
        Map<String, String> raw = new LinkedHashMap<>();
        for (RecordField f : form.fields()) {
            raw.put(f.column(), valid.getOrDefault(f.column(), "10"));
        }
        raw.put(key, value);
        // the form posts the ticked qualifications as a list of codes
        List<String> ticked = List.of(raw.remove(RecordField.QUALIFICATIONS.column()).split("[;；]"));
        Problem problem = form.check(raw, ticked, true).errors().get(key);
        return problem == null ? "" : problem.zh();
    }

    // ---------------------------------------------------------------- data

    /** A record that breaks no rule, key → text in {@link InputField} order. */
    private static Map<String, String> validRecord() {
        Map<String, String> row = new LinkedHashMap<>();
        for (InputField f : InputField.values()) {
            row.put(f.key(), switch (f) {
                case USCC -> USCC;
                case NAME -> "广州番禺规则一致科技有限公司";
                case TOWN -> "市桥街道";
                case INDUSTRY -> "C39";
                case ESTABLISHED -> "2015-06-30";
                case REVENUE_Y0 -> "1000";
                case HITECH_REVENUE -> "500";
                case EMPLOYEES -> "50";
                case RD_STAFF -> "10";
                case QUALIFICATIONS -> "HTE";
                case NEGATIVES -> "";
                default -> f.kind() == InputField.Kind.FLAG ? "0" : "3";
            });
        }
        return row;
    }

    /** RFC 4180: quoted when the text holds a comma or a quote. */
    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String single(List<String> rules, String all) {
        assertThat(rules).as(all).hasSizeLessThanOrEqualTo(1);
        return rules.isEmpty() ? "" : rules.get(0);
    }
}
