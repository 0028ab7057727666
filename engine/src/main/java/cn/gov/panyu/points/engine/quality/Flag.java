package cn.gov.panyu.points.engine.quality;

import java.util.List;

/**
 * A figure that deserves a second look.
 *
 * @param uscc     the enterprise
 * @param field    the input key of the flagged figure (e.g. {@code rd_staff})
 * @param value    the flagged figure as stored, in plain decimals: together with enterprise, field and year
 *                 it identifies "the same value" for the platform's learning from false alarms
 * @param rule     the check that raised it
 * @param reason   why, in Chinese, with the figures
 * @param facts    the data behind it (median, MAD and z; last year's value; the other source's value …)
 * @param severity for ranking, 0–100, higher first ({@link Severity} says how each rule scores)
 */
public record Flag(String uscc, String field, String value, Rule rule, String reason, List<Fact> facts,
                   double severity) {

    public Flag {
        facts = List.copyOf(facts);
    }
}
