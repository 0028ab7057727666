package cn.gov.panyu.points.platform.analytics;

import java.util.List;

/**
 * One dashboard chart as data: what the page draws, the xlsx export writes and the tests check, so the
 * three cannot disagree. Every point carries the URL of the enterprise list behind it (drill-down).
 *
 * @param id         stable name in URLs ({@code /analytics/export?chart=towns})
 * @param title      the finding the chart shows, in Chinese
 * @param valueLabel what a value is, with its unit ("企业数（家）")
 */
public record Chart(String id, String title, String valueLabel, List<String> categories, List<Series> series) {

    /**
     * @param key the stage or tier code (or NONE), which picks the series' colour; never shown
     */
    public record Series(String key, String name, List<Point> points) {
    }

    /** A value (a count or an average) and the enterprise list it summarises. */
    public record Point(Number value, String url) {
    }
}
