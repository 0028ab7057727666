package cn.gov.panyu.points.platform.whitepaper;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 白皮书: the published years with their white papers, one year's generation, foreword and downloads. */
@Controller
class WhitePaperController {

    private final WhitePapers papers;

    WhitePaperController(WhitePapers papers) {
        this.papers = papers;
    }

    @GetMapping("/analytics/whitepaper")
    String list(Model model) {
        model.addAttribute("years", papers.overview());
        model.addAttribute("pdfProblem", papers.pdfProblem().orElse(null));
        return "whitepaper/list";
    }

    @GetMapping("/analytics/whitepaper/{year}")
    String year(@PathVariable int year, Model model) {
        model.addAttribute("entry", papers.year(year));
        model.addAttribute("foreword", papers.foreword(year).orElse(null));
        model.addAttribute("pdfProblem", papers.pdfProblem().orElse(null));
        model.addAttribute("forewordMax", WhitePapers.FOREWORD_MAX);
        return "whitepaper/year";
    }

    /** The progress part of the year's page, polled while a generation runs. */
    @GetMapping("/analytics/whitepaper/{year}/status")
    String status(@PathVariable int year, Model model) {
        model.addAttribute("entry", papers.year(year));
        model.addAttribute("foreword", papers.foreword(year).orElse(null));
        return "whitepaper/year :: status";
    }

    @PostMapping("/analytics/whitepaper/{year}/generate")
    String generate(@PathVariable int year, Principal user) {
        papers.generate(year, user.getName());
        return "redirect:/analytics/whitepaper/" + year;
    }

    @PostMapping("/analytics/whitepaper/{year}/foreword")
    String foreword(@PathVariable int year, @RequestParam(defaultValue = "") String body, Principal user,
                    RedirectAttributes redirect) {
        if (body.strip().length() > WhitePapers.FOREWORD_MAX) {
            papers.year(year); // an unknown year is still 404, not a message
            redirect.addFlashAttribute("forewordError", true);
            redirect.addFlashAttribute("forewordDraft", body);
        } else {
            papers.saveForeword(year, body, user.getName());
            redirect.addFlashAttribute("forewordSaved", true);
        }
        return "redirect:/analytics/whitepaper/" + year;
    }

    @GetMapping("/analytics/whitepaper/{year}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year) {
        return download(papers.pdf(year), true);
    }

    /** The HTML version opens in the browser (charts inline); "另存为" keeps it. */
    @GetMapping("/analytics/whitepaper/{year}/html")
    ResponseEntity<byte[]> html(@PathVariable int year) {
        return download(papers.html(year), false);
    }

    private static ResponseEntity<byte[]> download(WhitePapers.Document d, boolean attachment) {
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(d.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.parseMediaType(d.contentType())).body(d.content());
    }
}
