package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides what a run on notice still waits for before publication
 * (docs/adr/0011-publishing-waits-for-notice-and-objections.md).
 *
 * <p>An accepted objection says "this enterprise's data are wrong; correct them and compute the year
 * again". It is resolved for a run when that run was created after the objection was accepted (so it
 * read the data as they were after the decision) and scored the enterprise with other data than the run
 * the objection was filed against — the correction is in its input. The inputs compared are the runs'
 * stored inputs, so the answer is the same however often it is asked and whatever happens to the data later.
 */
@Component
class PublicationGate {

    private record Accepted(long id, long runId, String uscc, String name, LocalDateTime acceptedAt) {
    }

    private final JdbcClient jdbc;

    PublicationGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PublishingGate of(RunSummary run) {
        LocalDate ends = run.noticeEnds();
        // objections may be filed up to and including the last day of the notice (Objections.file)
        LocalDate waitingUntil = ends != null && !LocalDate.now().isAfter(ends) ? ends : null;
        return new PublishingGate(waitingUntil, unresolved(run));
    }

    /**
     * Every accepted objection of the run's year — also against runs older than the published one: data
     * that were corrected stay corrected, so a later run resolves them too, unless the correction was undone.
     */
    private List<PublishingGate.UnresolvedObjection> unresolved(RunSummary run) {
        List<Accepted> accepted = jdbc.sql("""
                        select o.id, o.run_id, o.uscc, s.name, o.resolved_at
                        from objection o join evaluation_run r on r.id = o.run_id
                        left join score_result s on s.run_id = o.run_id and s.uscc = o.uscc
                        where r.data_year = ? and o.status = 'ACCEPTED' order by o.id""").param(run.year())
                .query((rs, n) -> new Accepted(rs.getLong(1), rs.getLong(2), rs.getString(3).trim(), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime()))
                .list();
        if (accepted.isEmpty()) {
            return List.of();
        }
        // a run created before the decision read the data before any correction: it resolves nothing
        List<Accepted> candidates = accepted.stream()
                .filter(o -> o.runId() != run.id() && run.createdAt().isAfter(o.acceptedAt())).toList();
        Set<String> usccs = new HashSet<>();
        candidates.forEach(o -> usccs.add(o.uscc()));
        Optional<Map<String, String>> rowsNow = candidates.isEmpty() ? Optional.empty() : inputRows(run.id(), usccs);
        Map<Long, Optional<Map<String, String>>> rowsObjectedTo = new HashMap<>();
        List<PublishingGate.UnresolvedObjection> unresolved = new ArrayList<>();
        for (Accepted o : accepted) {
            boolean corrected = candidates.contains(o) && rowsNow.isPresent()
                    && rowsObjectedTo.computeIfAbsent(o.runId(), id -> inputRows(id, usccs))
                            .map(before -> !Objects.equals(before.get(o.uscc()), rowsNow.get().get(o.uscc())))
                            .orElse(false);
            if (!corrected) {
                unresolved.add(new PublishingGate.UnresolvedObjection(o.id(), o.runId(), o.uscc(),
                        o.name() == null ? o.uscc() : o.name()));
            }
        }
        return unresolved;
    }

    /**
     * The rows of the enterprises in the run's stored input (an enterprise the run left out has none: its
     * figures are not published with the run); empty when the run stored no input to compare.
     */
    private Optional<Map<String, String>> inputRows(long runId, Set<String> usccs) {
        return jdbc.sql("select input_csv from evaluation_run where id = ?").param(runId)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1))).optional().flatMap(x -> x)
                .map(gzip -> CanonicalCsv.rows(CanonicalCsv.gunzip(gzip), usccs));
    }
}
