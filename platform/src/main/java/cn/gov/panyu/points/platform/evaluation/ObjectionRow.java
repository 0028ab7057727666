package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDateTime;

/** One 异议 with the enterprise's name from the run it objects to. */
public record ObjectionRow(long id, long runId, int year, String uscc, String name, String field, String claim,
                           String filedBy, LocalDateTime filedAt, String status, String response, String resolvedBy,
                           LocalDateTime resolvedAt) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    public String statusLabel() {
        return switch (status) {
            case "OPEN" -> "待处理";
            case "ACCEPTED" -> "已受理（更正数据后重新计算）";
            case "REJECTED" -> "不予采纳";
            default -> status;
        };
    }
}
