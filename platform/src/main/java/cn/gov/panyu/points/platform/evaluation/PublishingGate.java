package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * What still stands between a run on notice and its publication
 * (docs/adr/0011-publishing-waits-for-notice-and-objections.md): the notice period, while it runs, and the
 * accepted objections of the year that no run with the corrected data has answered yet. Open objections
 * are not here: they block publishing for everyone until staff answer them.
 *
 * @param noticeEnds the last day of 公示 while it is not over yet, else null
 * @param unresolved accepted objections whose correction the run does not carry
 */
public record PublishingGate(LocalDate noticeEnds, List<UnresolvedObjection> unresolved) {

    /** An accepted objection this run does not resolve, with the enterprise's name as the objected run shows it. */
    public record UnresolvedObjection(long id, long runId, String uscc, String name) {
    }

    public PublishingGate {
        unresolved = List.copyOf(unresolved);
    }

    /** Nothing waits: staff may publish. */
    public boolean open() {
        return noticeEnds == null && unresolved.isEmpty();
    }

    /** The first day publishing is possible as far as the notice period goes. */
    public LocalDate firstPublishingDay() {
        return noticeEnds == null ? null : noticeEnds.plusDays(1);
    }

    /** Why publishing must wait, in the words the refusal and the audit entry of an override use. */
    String reasons() {
        StringBuilder sb = new StringBuilder();
        if (noticeEnds != null) {
            sb.append("公示期至 ").append(noticeEnds).append(" 结束，").append(firstPublishingDay()).append(" 起方可发布");
        }
        if (!unresolved.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "；").append(unresolved.size()).append(" 条已受理异议未解决（")
                    .append(String.join("、", unresolved.stream().map(o -> "#" + o.id() + " " + o.uscc()).toList()))
                    .append("）");
        }
        return sb.toString();
    }
}
