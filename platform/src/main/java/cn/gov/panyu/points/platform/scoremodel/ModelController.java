package cn.gov.panyu.points.platform.scoremodel;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.model.ModelException;
import cn.gov.panyu.points.engine.model.ModelProblem;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 模型管理 and 指标体系 pages: list, view, copy → edit → validate → activate. */
@Controller
class ModelController {

    private final ScoreModels models;

    ModelController(ScoreModels models) {
        this.models = models;
    }

    @GetMapping("/models")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", models.list(TableQuery.of(page, size, sort, dir)));
        return "scoremodel/list";
    }

    @GetMapping("/models/export")
    ResponseEntity<StreamingResponseBody> export() {
        List<ModelVersion> all = models.list(new TableQuery(1, 100, "created", "desc")).rows();
        List<ExcelExport.Column<ModelVersion>> columns = List.of(
                new ExcelExport.Column<>("编号", v -> v.id()),
                new ExcelExport.Column<>("模型标识", ModelVersion::modelKey),
                new ExcelExport.Column<>("版本", ModelVersion::version),
                new ExcelExport.Column<>("名称", ModelVersion::name),
                new ExcelExport.Column<>("状态", v -> v.status().label()),
                new ExcelExport.Column<>("评价批次数", v -> v.runs()),
                new ExcelExport.Column<>("创建人", ModelVersion::createdBy),
                new ExcelExport.Column<>("创建时间", ModelVersion::createdAt));
        return ExcelExport.response("积分模型版本", "模型版本", columns, all);
    }

    @GetMapping("/models/{id}")
    String view(@PathVariable long id, Model model) {
        return view(models.version(id), model);
    }

    /** 指标体系: the active model's view. */
    @GetMapping("/indicators")
    String indicators(Model model) {
        // titled like its menu entry: the page a user opens as 指标体系 says 指标体系
        model.addAttribute("indicators", true);
        return view(models.version(models.activeModelId()), model);
    }

    private String view(ModelVersion version, Model model) {
        ModelDescription description = ModelDescription.of(models.load(version.id()));
        model.addAttribute("version", version);
        model.addAttribute("description", description);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("chart", description.chartJson());
        return "scoremodel/view";
    }

    @GetMapping("/models/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ModelVersion version = models.version(id);
        if (!version.editable()) {
            return "redirect:/models/" + id;
        }
        return editor(version, version.definition(), null, model);
    }

    @PostMapping("/models/{id}/validate")
    String validate(@PathVariable long id, @RequestParam(defaultValue = "") String definition, Model model) {
        return editor(models.version(id), definition, models.validate(definition), model);
    }

    @PostMapping("/models/{id}")
    String save(@PathVariable long id, @RequestParam(defaultValue = "") String definition,
                @AuthenticationPrincipal PlatformUser user, Model model, RedirectAttributes redirect) {
        try {
            models.update(id, definition, user.username());
        } catch (ModelRejectedException e) {
            return editor(models.version(id), definition, e.problems(), model);
        }
        redirect.addFlashAttribute("notice", "模型已保存并通过校验。确认无误后可“启用”该版本。");
        return "redirect:/models/" + id;
    }

    @PostMapping("/models/{id}/copy")
    String copy(@PathVariable long id, @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        long copy = models.copy(id, user.username());
        redirect.addFlashAttribute("notice", "已复制为新的草稿版本，请修改后保存。");
        return "redirect:/models/" + copy + "/form";
    }

    @PostMapping("/models/{id}/activate")
    String activate(@PathVariable long id, @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            models.activate(id, user.username());
            redirect.addFlashAttribute("notice", "该版本已启用，之前启用的版本已停用。新的评价默认使用该版本。");
        } catch (ModelRejectedException | ModelException e) {
            redirect.addFlashAttribute("failure", "无法启用：" + e.getMessage());
        }
        return "redirect:/models/" + id;
    }

    @PostMapping("/models/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            models.delete(id);
            redirect.addFlashAttribute("notice", "草稿版本已删除。");
            return "redirect:/models";
        } catch (ModelRejectedException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/models/" + id;
        }
    }

    /** The YAML editor with a text that may not be saved yet (also where the form switches to). */
    static String editor(ModelVersion version, String definition, List<ModelProblem> problems, Model model) {
        model.addAttribute("version", version);
        model.addAttribute("definition", definition);
        model.addAttribute("problems", problems);
        return "scoremodel/edit";
    }
}
