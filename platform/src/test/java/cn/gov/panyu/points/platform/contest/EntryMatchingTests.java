package cn.gov.panyu.points.platform.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.platform.TestEnterprises;

/**
 * An entries file checked row by row (invalid cells and duplicates by row and column, nothing loaded when any
 * is found) and the matching of its rows to the registry: USCC exactly, a name only by its normalised form as a
 * proposal, unmatched otherwise.
 */
class EntryMatchingTests {

    private static final String HEADER = "项目名称,团队名称,联系人,统一社会信用代码,企业名称,参赛组别";
    private static final EntryFile.Existing NOTHING_YET = new EntryFile.Existing(List.of("初创组", "成长组"), Map.of(), Map.of());

    private final String known = TestEnterprises.uscc();
    private final String other = TestEnterprises.uscc();
    private final Map<String, String> registry = Map.of(
            known, "广州番禺智造科技有限公司",
            other, "广州青蓝生物（广州）有限公司",
            TestEnterprises.uscc(), "广州同名电子有限公司",
            TestEnterprises.uscc(), "广州同名电子有限责任公司");

    @Test
    void matchesByUsccExactlyProposesANameMatchAndLeavesTheRestUnmatched() {
        String absent = TestEnterprises.uscc();
        EntryFile.Checked checked = EntryFile.check(csv(
                "智能产线,智造团队,张三," + known + ",,成长组",
                "生物芯片,青蓝团队,李四,,广州 青蓝生物 有限公司,初创组",
                "同名项目,同名团队,王五,,广州同名电子,初创组",
                "无名项目,无名团队,赵六,,番禺某某工作室,初创组",
                "外区项目,外区团队,钱七," + absent + ",,成长组"), NOTHING_YET);

        assertThat(checked.problems()).isEmpty();
        List<EntryMatcher.Match> matches = EntryMatcher.match(checked.rows(), this::names, sink -> registry.forEach(sink));

        assertThat(matches).extracting(EntryMatcher.Match::status).containsExactly(MatchStatus.MATCHED, MatchStatus.PROPOSED,
                MatchStatus.UNMATCHED, MatchStatus.UNMATCHED, MatchStatus.UNMATCHED);
        assertThat(matches.get(0).uscc()).isEqualTo(known);
        assertThat(matches.get(0).registryName()).isEqualTo("广州番禺智造科技有限公司");
        // a proposal is not the entry's enterprise until staff confirm it
        assertThat(matches.get(1).uscc()).isNull();
        assertThat(matches.get(1).proposedUscc()).isEqualTo(other);
        assertThat(matches.get(1).note()).contains("广州青蓝生物（广州）有限公司", "请确认");
        assertThat(matches.get(2).note()).contains("2 家企业");
        assertThat(matches.get(3).note()).isEqualTo("企业名录中没有此名称的企业");
        // a USCC that is not in the registry is not replaced by a guess from the name
        assertThat(matches.get(4).note()).isEqualTo("统一社会信用代码不在企业名录中");
    }

    @Test
    void namesCompareWithoutSpacesPlaceAndCompanyForm() {
        assertThat(EntryMatcher.normalise("广州青蓝生物（广州）有限公司")).isEqualTo(EntryMatcher.normalise("广州 青蓝生物 有限公司"))
                .isEqualTo("广州青蓝生物");
        assertThat(EntryMatcher.normalise("番禺智造股份有限公司")).isEqualTo("番禺智造");
        assertThat(EntryMatcher.normalise("番禺智造有限责任公司")).isEqualTo("番禺智造");
        assertThat(EntryMatcher.normalise("番禺智造科技")).isNotEqualTo(EntryMatcher.normalise("番禺智造"));
    }

    @Test
    void invalidAndDuplicateRowsAreReportedByRowAndColumnAndNothingIsLoaded() {
        EntryFile.Existing imported = new EntryFile.Existing(List.of("初创组", "成长组"), Map.of("旧项目", 7), Map.of(other, 9));
        EntryFile.Checked checked = EntryFile.check(csv(
                "智能产线,智造团队,张三," + known + ",,成长组",
                "智能产线,另一团队,李四,,某企业,成长组",
                "另一项目,智造团队,张三," + known + ",,成长组",
                "旧项目,团队,王五,,某企业,初创组",
                "新项目,团队,王五," + other + ",,初创组",
                ",团队,王五,,某企业,决赛组",
                "坏代码,团队,王五,91440101ABCDEFGH12,,初创组",
                "空白,团队,王五,,,初创组"), imported);

        assertThat(checked.rows()).as("all or nothing").isEmpty();
        assertThat(checked.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.message()).containsExactly(
                "3 项目名称 与第 2 行重复",
                "4 统一社会信用代码 与第 2 行重复",
                "5 项目名称 本大赛已导入（原文件第 7 行），不重复导入",
                "6 统一社会信用代码 本大赛已导入（原文件第 9 行），不重复导入",
                "7 项目名称 必填",
                "7 参赛组别 不是本大赛的组别，应为：初创组、成长组",
                "8 统一社会信用代码 " + checked.problems().get(6).message(),
                "9 统一社会信用代码 请填写统一社会信用代码或企业名称");
        assertThat(checked.problems().get(6).value()).isEqualTo("91440101ABCDEFGH12");
    }

    @Test
    void aFileWithoutTheTemplateColumnsIsRefusedAsAWhole() {
        EntryFile.Checked checked = EntryFile.check("项目,团队\n甲,乙\n".getBytes(StandardCharsets.UTF_8), NOTHING_YET);

        assertThat(checked.rows()).isEmpty();
        assertThat(checked.problems()).extracting(ImportReport.Problem::message).contains("不认识的列，请使用模板的列名", "缺少此列，请使用模板");
    }

    private Map<String, String> names(java.util.Collection<String> usccs) {
        Map<String, String> found = new HashMap<>();
        usccs.forEach(u -> {
            if (registry.containsKey(u)) {
                found.put(u, registry.get(u));
            }
        });
        return found;
    }

    private static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
