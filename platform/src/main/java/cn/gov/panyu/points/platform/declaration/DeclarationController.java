package cn.gov.panyu.points.platform.declaration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.collection.RecordField;

/** The enterprise's pages: my declarations, the form of a year, its evidence files. */
@Controller
@RequestMapping("/declarations")
class DeclarationController {

    private final Declarations declarations;
    private final MessageSource messages;
    private final DeclarationProperties properties;

    DeclarationController(Declarations declarations, MessageSource messages, DeclarationProperties properties) {
        this.declarations = declarations;
        this.messages = messages;
        this.properties = properties;
    }

    /** The upload limit the attachment hint names. */
    @ModelAttribute("attachmentMaxSize")
    String attachmentMaxSize() {
        return properties.attachmentMaxSizeText();
    }

    @GetMapping
    String list(@AuthenticationPrincipal PlatformUser user, Model model) {
        model.addAttribute("overview", declarations.mine(user));
        return "declaration/list";
    }

    @GetMapping("/{year:\\d{4}}")
    String form(@AuthenticationPrincipal PlatformUser user, @PathVariable int year, Model model) {
        DeclarationDetail detail = declarations.open(user, year);
        List<String> ticked = SetCodes.QUALIFICATIONS.fromStored(detail.values().get(RecordField.QUALIFICATIONS.column()))
                .stream().map(Enum::name).toList();
        return formPage(model, detail, detail.values(), ticked, Map.of());
    }

    @PostMapping("/{year:\\d{4}}")
    String save(@AuthenticationPrincipal PlatformUser user, @PathVariable int year,
                @ModelAttribute DeclarationForm form, Model model, RedirectAttributes redirect) {
        return write(user, year, form, false, model, redirect);
    }

    @PostMapping("/{year:\\d{4}}/submit")
    String submit(@AuthenticationPrincipal PlatformUser user, @PathVariable int year,
                  @ModelAttribute DeclarationForm form, Model model, RedirectAttributes redirect) {
        return write(user, year, form, true, model, redirect);
    }

    private String write(PlatformUser user, int year, DeclarationForm form, boolean submitting, Model model,
                         RedirectAttributes redirect) {
        Declarations.Outcome outcome;
        try {
            outcome = submitting
                    ? declarations.submit(user, year, form.values(), form.qualifications())
                    : declarations.save(user, year, form.values(), form.qualifications());
        } catch (DeclarationException e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return "redirect:/declarations/" + year;
        }
        if (!outcome.saved()) {
            // shown again as sent, wrong values and all, so that the user corrects rather than retypes
            return formPage(model, declarations.open(user, year), form.values(), form.qualifications(),
                    outcome.errors());
        }
        redirect.addFlashAttribute("notice", submitting ? "declaration.notice.submitted" : "declaration.notice.saved");
        return "redirect:/declarations/" + year;
    }

    private static String formPage(Model model, DeclarationDetail detail, Map<String, String> shown,
                                   List<String> ticked, Map<String, String> errors) {
        model.addAttribute("detail", detail);
        model.addAttribute("shown", shown);
        model.addAttribute("ticked", ticked);
        model.addAttribute("errors", errors);
        return "declaration/form";
    }

    @PostMapping("/{year:\\d{4}}/attachments")
    String attach(@AuthenticationPrincipal PlatformUser user, @PathVariable int year,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                declarations.open(user, year); // a year without a form is the not-found page, not "choose a file"
                throw new DeclarationException("attachmentMissing");
            }
            declarations.attach(user, year, file.getOriginalFilename(), file.getInputStream());
            redirect.addFlashAttribute("notice", "declaration.notice.attached");
        } catch (DeclarationException e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e, LocaleContextHolder.getLocale()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/declarations/" + year + "#attachments";
    }

    @PostMapping("/{year:\\d{4}}/attachments/{id}/delete")
    String detach(@AuthenticationPrincipal PlatformUser user, @PathVariable int year, @PathVariable long id,
                  RedirectAttributes redirect) {
        try {
            declarations.detach(user, year, id);
            redirect.addFlashAttribute("notice", "declaration.notice.detached");
        } catch (DeclarationException e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/declarations/" + year + "#attachments";
    }

    @GetMapping("/{year:\\d{4}}/attachments/{id}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal PlatformUser user, @PathVariable int year,
                                      @PathVariable long id) {
        return file(declarations.download(user, year, id));
    }

    /** Always a download (never shown inline), under the name the user gave the file. */
    static ResponseEntity<Resource> file(Declarations.Download d) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(d.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.type().mediaType()))
                .contentLength(d.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(d.content());
    }
}
