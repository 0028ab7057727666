package cn.gov.panyu.points.platform.contest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contest form: criteria scores must add up to exactly 100; groups distinct; α from 0 to 100. */
class ContestFormTests {

    @Test
    void criteriaThatAddUpTo100AreAccepted() {
        ContestForm.Checked checked = form("技术创新性 30\n市场前景：25\n团队能力,20\n财务 15.5\n社会效益 9.5", "初创组\n成长组", "70").check();

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.criteria()).extracting(e -> e.getKey()).containsExactly("技术创新性", "市场前景", "团队能力", "财务", "社会效益");
        assertThat(checked.groups()).containsExactly("初创组", "成长组");
    }

    @Test
    void criteriaThatDoNotAddUpTo100AreRefusedWithTheirSum() {
        assertThat(form("技术创新性 30\n市场前景 25", "初创组", "70").check().problems())
                .containsEntry("criteria", "评分标准：各项分值合计须为 100，现为 55");
        assertThat(form("技术创新性 30\n市场前景 70.01", "初创组", "70").check().problems()).containsKey("criteria");
        assertThat(form("技术创新性\n市场前景 100", "初创组", "70").check().problems()).containsKey("criteria");
    }

    @Test
    void groupsAndWeightAreChecked() {
        assertThat(form("创新 100", "初创组\n初创组", "70").check().problems()).containsKey("groups");
        assertThat(form("创新 100", "", "70").check().problems()).containsKey("groups");
        assertThat(form("创新 100", "初创组", "100.5").check().problems()).containsKey("expertWeight");
        assertThat(form("创新 100", "初创组", "-1").check().problems()).containsKey("expertWeight");
        assertThat(form("创新 100", "初创组", "0").check().problems()).isEmpty();
    }

    private static ContestForm form(String criteria, String groups, String weight) {
        ContestForm f = new ContestForm();
        f.setName("番禺区青蓝国际创新创业大赛");
        f.setYear("2026");
        f.setCriteria(criteria);
        f.setGroups(groups);
        f.setExpertWeight(weight);
        return f;
    }
}
