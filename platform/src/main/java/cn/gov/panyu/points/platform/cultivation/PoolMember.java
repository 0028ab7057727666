package cn.gov.panyu.points.platform.cultivation;

import java.time.LocalDateTime;

/** An enterprise proposed by a pool's rule, and what staff decided about it. */
public record PoolMember(String uscc, String name, String town, String industry, String reason, Status status,
                         String note, String decidedBy, LocalDateTime decidedAt) {

    public enum Status {
        PROPOSED("待确认"), CONFIRMED("已确认"), REMOVED("已移除");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
