package cn.gov.panyu.points.platform.scoremodel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.BeansException;
import org.springframework.validation.BindingResult;

import cn.gov.panyu.points.engine.model.ModelProblem;
import cn.gov.panyu.points.engine.model.Stage;

/**
 * Puts each problem the engine found in a form's model text next to the input it is about. The engine
 * locates problems in the text it read ({@code indicators[3] (T4).weights.GROWTH}); {@link ModelForm#toYaml()}
 * writes rows in form order, so a location is an input's name once the code in brackets is dropped and the
 * keys are spelled the way the form binds them ({@code indicators[3].weights[1]}). This class knows only
 * locations, never rules: the rules stay in {@code ModelLoader}.
 */
final class ModelFormProblems {

    static final String OBJECT = "form";
    private static final String CODE = "model";

    /** {@code indicators[3] (T4)} or {@code bonus.items[0] (B1)}, then the rest of the location. */
    private static final Pattern ROW = Pattern.compile("^(indicators|bonus\\.items|negatives|tiers)\\[(\\d+)\\](?: \\(.*\\))?(\\..*)?$");
    private static final Pattern MEMBER = Pattern.compile("^\\.members\\.(.+)$");
    private static final Pattern STAGE_WEIGHT = Pattern.compile("^\\.weights\\.([A-Z]+)$");

    private ModelFormProblems() {
    }

    /** Records every problem on {@code result}: at its input when it has one, else for the whole form. */
    static void record(List<ModelProblem> problems, BindingResult result) {
        for (ModelProblem p : problems) {
            String field = field(p.path());
            if (field == null) {
                result.reject(CODE, p.messageZh());
                continue;
            }
            try {
                result.rejectValue(field, CODE, p.messageZh());
            } catch (BeansException e) {
                // a location the form has no input for (e.g. a member of a set the form does not offer)
                result.reject(CODE, p.messageZh());
            }
        }
    }

    /** The form property a problem's location names, or null for a problem of the whole model. */
    static String field(String path) {
        if (path.startsWith("indicators.weights.")) {
            return "sums[" + path.substring("indicators.weights.".length()) + "]";
        }
        Matcher row = ROW.matcher(path);
        if (row.matches()) {
            String list = row.group(1).equals("bonus.items") ? "bonusItems" : row.group(1);
            String prefix = list + "[" + row.group(2) + "]";
            String rest = row.group(3) == null ? "" : row.group(3);
            if (list.equals("tiers") && (rest.isEmpty() || rest.equals(".tier"))) {
                return prefix + ".topPercent"; // the tier itself is a fixed label; its percentage is what users change
            }
            Matcher weight = STAGE_WEIGHT.matcher(rest);
            if (weight.matches()) {
                Stage stage = Stage.parse(weight.group(1));
                return stage == null ? null : prefix + ".weights[" + stage.ordinal() + "]";
            }
            Matcher member = MEMBER.matcher(rest);
            if (member.matches()) {
                return prefix + ".members[" + member.group(1) + "]";
            }
            if (rest.isEmpty() || rest.equals(".weights") || rest.equals(".members")) {
                return rest.isEmpty() ? prefix + ".code" : prefix + rest;
            }
            return prefix + rest;
        }
        return switch (path) {
            case "id", "version", "name", "description", "coreTotal", "keyIndustries" -> path;
            case "district", "district.name" -> "district";
            case "district.towns" -> "towns";
            case "stages", "stages.growthFrom" -> "growthFrom";
            case "stages.matureFrom" -> "matureFrom";
            case "bonus", "bonus.cap" -> "bonusCap";
            default -> null;
        };
    }
}
