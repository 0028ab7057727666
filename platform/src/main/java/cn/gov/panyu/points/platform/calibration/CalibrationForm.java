package cn.gov.panyu.points.platform.calibration;

import java.time.Year;
import java.util.List;

import org.springframework.util.MultiValueMap;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * The calibration page's fields as typed, so that a refused request shows them again. AHP cells are named
 * {@code ahp_i_j} (i &lt; j, 0-based category indices); all blank means "no AHP matrix".
 *
 * @param alpha as typed; checked when the request is made
 */
public record CalibrationForm(int year, Stage stage, ObjectiveMethod method, String alpha, List<String> categories,
                       String[][] ahp) {

    static final String DEFAULT_ALPHA = "0.5";

    static CalibrationForm of(MultiValueMap<String, String> params, List<Integer> years, List<String> categories) {
        int year = parseYear(params.getFirst("year"), years);
        Stage stage = Stage.parse(params.getFirst("stage"));
        String alpha = params.getFirst("alpha");
        int n = categories.size();
        String[][] ahp = new String[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                String v = params.getFirst("ahp_" + i + "_" + j);
                ahp[i][j] = v == null ? "" : v.trim();
            }
        }
        return new CalibrationForm(year, stage == null ? Stage.GROWTH : stage,
                ObjectiveMethod.parse(params.getFirst("method")),
                alpha == null || alpha.isBlank() ? DEFAULT_ALPHA : alpha.trim(), categories, ahp);
    }

    /** Whether any judgement was typed: a blank matrix means the model's weights are the subjective side. */
    public boolean hasAhp() {
        for (int i = 0; i < ahp.length; i++) {
            for (int j = i + 1; j < ahp.length; j++) {
                if (!ahp[i][j].isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The implied lower-triangle judgement shown read-only, e.g. {@code 1/3} under a typed 3. */
    public String reciprocal(int i, int j) {
        String v = ahp[j][i];
        if (v.isEmpty()) {
            return "";
        }
        if (v.startsWith("1/")) {
            return v.substring(2).trim();
        }
        return "1/" + v;
    }

    CalibrationRequest toRequest() {
        double a;
        try {
            a = Double.parseDouble(alpha);
        } catch (NumberFormatException e) {
            throw new CalibrationRefusedException("组合系数 α“" + alpha + "”不是数字，请填写 0 到 1 之间的小数，如 0.5。");
        }
        if (!(a >= 0 && a <= 1)) {
            throw new CalibrationRefusedException("组合系数 α 须在 0 到 1 之间，如 0.5。");
        }
        return new CalibrationRequest(year, stage, method, a, hasAhp() ? ahp : null);
    }

    private static int parseYear(String text, List<Integer> years) {
        if (text != null) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                // an unreadable year is treated like none: the latest year with data
            }
        }
        return years.isEmpty() ? Year.now().getValue() - 1 : years.get(0);
    }
}
