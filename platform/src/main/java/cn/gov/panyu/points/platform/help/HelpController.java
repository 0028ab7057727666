package cn.gov.panyu.points.platform.help;

import java.time.Duration;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * 使用帮助: the guides' index, each guide, and their pictures. Open to everyone: the guides describe how
 * the platform is used and show demo data only, and people who cannot sign in need them most.
 */
@Controller
class HelpController {

    private final UserGuides guides;

    HelpController(UserGuides guides) {
        this.guides = guides;
    }

    @GetMapping("/help")
    String index(Model model) {
        model.addAttribute("guides", Guide.values());
        return "help/index";
    }

    @GetMapping("/help/{slug}")
    String guide(@PathVariable String slug, Model model) {
        Guide guide = Guide.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("guide", guides.guide(guide));
        return "help/guide";
    }

    @GetMapping("/help/img/{name}")
    ResponseEntity<Resource> image(@PathVariable String name) {
        Resource image = guides.image(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(image);
    }
}
