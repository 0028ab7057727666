package cn.gov.panyu.points.platform.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page (工作台): what the platform is and what it runs on. */
@Controller
class HomeController {

    private final SystemOverview overview;

    HomeController(SystemOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("overview", overview.current());
        return "system/home";
    }
}
