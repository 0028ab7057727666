package cn.gov.panyu.points.platform.contest;

import java.io.Serializable;
import java.util.List;

/**
 * What an entries import did: loaded every row, or nothing because of the listed problems (by row and
 * column); and for a loaded file, every row that did not match the registry by its USCC (proposed name
 * matches to confirm, unmatched entries), so that staff know which entries will have no points.
 */
public record ImportReport(String fileName, boolean loaded, int rows, List<Problem> problems,
                           List<Notice> notices) implements Serializable {

    public ImportReport {
        problems = List.copyOf(problems);
        notices = List.copyOf(notices);
    }

    /** A problem of one cell (row 0: of the file as a whole). */
    public record Problem(int row, String column, String value, String message) implements Serializable {
    }

    /** A loaded row that staff should look at. */
    public record Notice(int row, String project, String status, String note) implements Serializable {
    }
}
