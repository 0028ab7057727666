package cn.gov.panyu.points.platform.system;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 系统信息 (administrators only): the engine, the default model and the database the platform runs on —
 * facts for whoever operates the platform, kept off everyone's home page.
 */
@Controller
class SystemInfoController {

    private final SystemOverview overview;

    SystemInfoController(SystemOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/admin/system")
    @PreAuthorize("hasRole('ADMIN')")
    String info(Model model) {
        model.addAttribute("overview", overview.current());
        return "system/info";
    }
}
