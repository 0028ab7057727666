package cn.gov.panyu.points.platform.cultivation;

import java.time.LocalDateTime;

/** One build of a pool for a year, with its members' count by decision. */
public record PoolVersion(long id, Pool pool, int year, int version, String ruleText, String createdBy,
                          LocalDateTime createdAt, long members, long confirmed, long removed) {

    /** Members not removed: proposed or confirmed. */
    public long kept() {
        return members - removed;
    }
}
