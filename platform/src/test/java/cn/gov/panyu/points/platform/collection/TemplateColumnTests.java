package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TemplateColumnTests {

    @Test
    void everyTemplateStartsWithUsccAndNameThenTheSourcesOwnFields() {
        for (DataSource s : DataSource.departments()) {
            var columns = TemplateColumn.of(s);
            assertThat(columns.get(0).key()).isEqualTo("uscc");
            assertThat(columns.get(1).key()).isEqualTo("name");
            assertThat(columns.stream().filter(c -> c.field() != null).map(c -> c.field().column()).toList())
                    .containsExactlyElementsOf(s.fields());
        }
    }

    @Test
    void headersMatchWithOrWithoutMarksUnitsAndFullWidthBrackets() {
        TemplateColumn rd = TemplateColumn.of(DataSource.TAX).stream().filter(c -> c.key().equals("rd_expense")).findFirst()
                .orElseThrow();
        assertThat(rd.header()).isEqualTo("研发费用(万元)");
        assertThat(rd.matches("＊研发费用（万元）")).isTrue();
        assertThat(rd.matches("rd_expense")).isTrue();
        assertThat(rd.matches("研发人员数")).isFalse();
        TemplateColumn hitech = TemplateColumn.of(DataSource.SCITECH).stream()
                .filter(c -> c.key().equals("hitech_revenue")).findFirst().orElseThrow();
        assertThat(hitech.matches(hitech.header())).isTrue();
    }

    @Test
    void departmentsOwnDisjointFieldsAndTogetherAllOfThem() {
        Set<String> seen = new HashSet<>();
        for (DataSource s : DataSource.departments()) {
            for (String f : s.fields()) {
                if (!f.equals("negatives")) {
                    assertThat(seen.add(f)).as(f).isTrue();
                }
            }
        }
        seen.add("negatives");
        // only the enterprise can state its own scores for the judgement parts of the 高企 assessment
        Set<String> selfOnly = new HashSet<>(RecordField.ALL_COLUMNS);
        selfOnly.removeAll(seen);
        assertThat(selfOnly).containsExactlyInAnyOrder("self_ip_quality", "self_rd_management");
        assertThat(RecordField.ALL_COLUMNS).containsAll(seen);
        assertThat(DataSource.SELF.fields()).isEqualTo(RecordField.ALL_COLUMNS);
        assertThat(DataSource.SELF.department()).isFalse();
    }
}
