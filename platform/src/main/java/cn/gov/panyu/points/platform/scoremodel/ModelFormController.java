package cn.gov.panyu.points.platform.scoremodel;

import java.util.List;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.model.ModelProblem;
import cn.gov.panyu.points.platform.account.PlatformUser;

/**
 * The model editor as a form (indicators, weights per stage, bands, bonus, negative list, tiers). Both this
 * form and the YAML editor edit the same draft text: the form writes itself as YAML and the engine checks it,
 * so switching between them keeps what was typed.
 */
@Controller
class ModelFormController {

    private final ScoreModels models;

    ModelFormController(ScoreModels models) {
        this.models = models;
    }

    @InitBinder(ModelFormProblems.OBJECT)
    void binder(WebDataBinder binder) {
        // a row index no form produces (rows[99999]) is dropped rather than failing the request
        binder.setAutoGrowCollectionLimit(ModelForm.MAX_ROWS);
        binder.setIgnoreInvalidFields(true);
    }

    /** An input name no form page produces (a weight of a fourth stage): a bad request, not a server error. */
    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(value = HttpStatus.BAD_REQUEST, reason = "表单数据无效")
    void unreadableForm() {
        // the status says it all; the error page shows it
    }

    @GetMapping("/models/{id}/form")
    String form(@PathVariable long id, Model model) {
        ModelVersion version = models.version(id);
        if (!version.editable()) {
            return "redirect:/models/" + id;
        }
        return page(version, ModelForm.of(models.load(id)), model);
    }

    /**
     * One endpoint for every button of the form: {@code op} is save, validate (also Enter, and anything
     * unknown: only the save button saves), yaml (switch to the YAML editor with what was typed) or a row
     * operation (add/remove a row, nothing saved).
     */
    @PostMapping("/models/{id}/form")
    String submit(@PathVariable long id, @ModelAttribute(ModelFormProblems.OBJECT) ModelForm form, BindingResult result,
                  @RequestParam(defaultValue = "validate") String op, @AuthenticationPrincipal PlatformUser user,
                  Model model, RedirectAttributes redirect) {
        ModelVersion version = models.version(id);
        if (form.applyRowOperation(op)) {
            return page(version, form, model);
        }
        String text = form.toYaml();
        switch (op) {
            case "yaml" -> {
                return ModelController.editor(version, text, models.validate(text), model);
            }
            case "save" -> {
                try {
                    models.update(id, text, user.username());
                } catch (ModelRejectedException e) {
                    ModelFormProblems.record(e.problems(), result);
                    return page(version, form, model);
                }
                redirect.addFlashAttribute("notice", "模型已保存并通过校验。确认无误后可“启用”该版本。");
                return "redirect:/models/" + id;
            }
            default -> {
                ModelFormProblems.record(models.validate(text), result);
                model.addAttribute("checked", true);
                return page(version, form, model);
            }
        }
    }

    /** From the YAML editor to the form, keeping the text typed there; only a valid text fits the form's rows. */
    @PostMapping("/models/{id}/form/from-yaml")
    String fromYaml(@PathVariable long id, @RequestParam(defaultValue = "") String definition, Model model) {
        ModelVersion version = models.version(id);
        List<ModelProblem> problems = models.validate(definition);
        if (!problems.isEmpty()) {
            model.addAttribute("switchRefused", true);
            return ModelController.editor(version, definition, problems, model);
        }
        return page(version, ModelForm.of(models.parse(definition)), model);
    }

    private static String page(ModelVersion version, ModelForm form, Model model) {
        model.addAttribute("version", version);
        model.addAttribute(ModelFormProblems.OBJECT, form);
        model.addAttribute("choices", ModelFormChoices.of(form));
        return "scoremodel/form";
    }
}
