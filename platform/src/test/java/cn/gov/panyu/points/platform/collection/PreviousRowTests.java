package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PreviousRowTests {

    @Test
    void valuesWithSeparatorsSurviveTheRoundTrip() {
        String text = PreviousRow.entry("@name", "甲=乙;丙\\丁") + ";" + PreviousRow.entry("qualifications", "HTE;SRDI")
                + ";" + PreviousRow.entry(PreviousRow.ROW_MARK, "1");
        assertThat(PreviousRow.parse(text)).isEqualTo(
                Map.of("@name", "甲=乙;丙\\丁", "qualifications", "HTE;SRDI", PreviousRow.ROW_MARK, "1"));
    }
}
