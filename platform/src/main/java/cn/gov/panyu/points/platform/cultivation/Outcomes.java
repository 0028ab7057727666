package cn.gov.panyu.points.platform.cultivation;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.gov.panyu.points.engine.cultivation.Check;
import cn.gov.panyu.points.engine.cultivation.Hte;
import cn.gov.panyu.points.engine.cultivation.PreAssessment;
import cn.gov.panyu.points.engine.cultivation.Tsme;

/**
 * The Chinese words for the outcomes, for pages ({@code ${@cultivationOutcomes.label(a.tsme())}}) and files:
 * users read these, never the codes.
 */
@Component("cultivationOutcomes")
public class Outcomes {

    private static final Pattern FIELD_KEY = Pattern.compile("\\([a-z0-9_]+\\)");

    /** The gaps in money or people of both assessments, each said once (a figure both rules read, once). */
    public static List<String> gaps(PreAssessment p) {
        return Stream.concat(p.tsme().checks().stream(), p.hte().checks().stream()).map(Check::gap)
                .filter(g -> !g.isEmpty()).distinct().toList();
    }

    /**
     * An engine text in labels only: the engine names its columns "本年营业收入(revenue_y0)" for files and the
     * command line; people on a page read "本年营业收入".
     */
    public static String withoutKeys(String text) {
        return FIELD_KEY.matcher(text).replaceAll("");
    }

    public static String label(Tsme.Outcome o) {
        return switch (o) {
            case PASS -> "通过";
            case DIRECT_PASS -> "直接通过";
            case FAIL -> "未通过";
            case NOT_ELIGIBLE -> "不符合基本条件";
            case MISSING_DATA -> "数据缺失";
        };
    }

    public static String label(Hte.Outcome o) {
        return switch (o) {
            case PASS -> "确定通过";
            case UNDECIDED -> "待专家评审";
            case FAIL -> "确定不通过";
            case MISSING_DATA -> "数据缺失";
        };
    }

    /** Bootstrap badge colour: red only where something fails. */
    public static String tone(Tsme.Outcome o) {
        return switch (o) {
            case PASS, DIRECT_PASS -> "success";
            case FAIL, NOT_ELIGIBLE -> "danger";
            case MISSING_DATA -> "secondary";
        };
    }

    public static String tone(Hte.Outcome o) {
        return switch (o) {
            case PASS -> "success";
            case UNDECIDED -> "warning";
            case FAIL -> "danger";
            case MISSING_DATA -> "secondary";
        };
    }
}
