package cn.gov.panyu.points.platform.calibration;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.calibration.Sensitivity;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;

/** 模型校准: the weights of a stage computed from data, a draft made of them, and its sensitivity report. */
@Controller
class CalibrationController {

    /** One-at-a-time weight changes shown per stage: the few that matter most. */
    private static final int WEIGHT_CHANGES = 6;

    private final Calibrations calibrations;

    CalibrationController(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    /** The form; with a year chosen (the form was sent) also the weights. A GET: calibrating changes nothing. */
    @GetMapping("/calibration")
    String calibrate(@RequestParam MultiValueMap<String, String> params, Model model) {
        CalibrationForm form = form(params);
        if (params.containsKey("year")) {
            try {
                model.addAttribute("calibration", calibrations.calibrate(form.toRequest()));
            } catch (CalibrationRefusedException e) {
                model.addAttribute("failure", e.getMessage());
            }
        }
        return page(form, model);
    }

    /** The year is required: a draft is only ever made from a calibration the page showed (which names its year). */
    @PostMapping("/calibration/draft")
    String draft(@RequestParam("year") String year, @RequestParam MultiValueMap<String, String> params,
                 @AuthenticationPrincipal PlatformUser user,
                 Model model, RedirectAttributes redirect) {
        CalibrationForm form = form(params);
        try {
            long draft = calibrations.createDraft(form.toRequest(), user.username());
            redirect.addFlashAttribute("notice", "已按校准结果生成草稿模型版本（仅改变" + form.stage().label()
                    + "的指标权重）。请先查看“敏感性分析”，确认无误后再启用。");
            return "redirect:/models/" + draft;
        } catch (CalibrationRefusedException e) {
            model.addAttribute("failure", e.getMessage());
            return page(form, model);
        }
    }

    /** The draft against the active model; the year defaults to the latest with data. */
    @GetMapping("/calibration/sensitivity")
    String sensitivity(@RequestParam long draft, @RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = calibrations.years();
        int chosen = year != null ? year : years.isEmpty() ? java.time.Year.now().getValue() - 1 : years.get(0);
        model.addAttribute("draft", calibrations.version(draft));
        model.addAttribute("year", chosen);
        model.addAttribute("years", years);
        try {
            Sensitivity.Report report = calibrations.sensitivity(draft, chosen);
            model.addAttribute("report", report);
            model.addAttribute("weightChanges", Calibrations.mostConsequential(report, WEIGHT_CHANGES));
        } catch (CalibrationRefusedException e) {
            model.addAttribute("failure", e.getMessage());
        }
        model.addAttribute("tierLabels", java.util.stream.IntStream.rangeClosed(0, Sensitivity.NO_TIER)
                .mapToObj(Sensitivity::tierLabel).toList());
        model.addAttribute("tiers", Tier.values());
        return "calibration/sensitivity";
    }

    private CalibrationForm form(MultiValueMap<String, String> params) {
        return CalibrationForm.of(params, calibrations.years(), calibrations.categories());
    }

    private String page(CalibrationForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("years", calibrations.years());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("methods", ObjectiveMethod.values());
        return "calibration/calibrate";
    }
}
