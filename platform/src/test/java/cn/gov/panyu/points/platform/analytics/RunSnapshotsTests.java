package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/** A snapshot's per-line codes answer as its lines do. */
class RunSnapshotsTests {

    private final SmallDistrict district = SmallDistrict.twoYears();
    private final RunSnapshots.Snapshot snapshot = district.snapshots.of(district.published.run(2025).orElseThrow());

    @Test
    void withinSelectsTheLinesOfTheStageTownAndIndustry() {
        assertThat(selected(snapshot.within(null, null, null))).hasSize(9);
        assertThat(selected(snapshot.within(Stage.STARTUP, null, null))).containsExactlyInAnyOrder("S1", "S2", "S3", "S4", "S5");
        assertThat(selected(snapshot.within(null, "大石街道", "I65"))).containsExactlyInAnyOrder("G1", "G2", "G3", "G4");
        assertThat(selected(snapshot.within(Stage.STARTUP, "大石街道", null))).isEmpty();
        // a town or industry no line names selects nothing, not everything
        assertThat(selected(snapshot.within(null, "无此镇", null))).isEmpty();
        assertThat(selected(snapshot.within(null, null, "Z99"))).isEmpty();
    }

    @Test
    void eachLinesStageAndTierByIndexAreTheLines() {
        List<RunSnapshots.Line> lines = snapshot.lines();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(snapshot.stage(i)).isEqualTo(lines.get(i).stage());
            assertThat(snapshot.tier(i)).isEqualTo(lines.get(i).tier());
        }
        assertThat(lines).extracting(RunSnapshots.Line::tier).contains(Tier.LEAD, Tier.RUN, null);
    }

    private List<String> selected(boolean[] in) {
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                usccs.add(snapshot.lines().get(i).uscc());
            }
        }
        return usccs;
    }
}
