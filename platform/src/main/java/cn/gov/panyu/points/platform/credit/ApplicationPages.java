package cn.gov.panyu.points.platform.credit;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the application pages of both sides share: a step taken, then back to the page with what came of it. */
final class ApplicationPages {

    private ApplicationPages() {
    }

    /**
     * Runs {@code step}; the page at {@code back} then shows {@code done}, or the Chinese reason the step was
     * refused (a 404 of an unknown id is not caught: it is the answer).
     */
    static String act(RedirectAttributes redirect, String back, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("notice", done);
        } catch (CreditException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:" + back;
    }
}
