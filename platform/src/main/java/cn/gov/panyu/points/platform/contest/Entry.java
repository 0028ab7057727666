package cn.gov.panyu.points.platform.contest;

/**
 * One entry (参赛项目) of a contest.
 *
 * @param sourceRow     the row of the imported file it came from
 * @param statedUscc    the USCC as the file gave it, or null
 * @param uscc          the registry enterprise the entry belongs to (matched or confirmed), or null
 * @param proposedUscc  a name match waiting for staff (PROPOSED), or the rejected one (REJECTED)
 * @param registryName  the registry's name of {@code uscc}, else of {@code proposedUscc}
 */
public record Entry(long id, long contestId, long groupId, String groupName, int sourceRow, String project,
                    String team, String contact, String enterpriseName, String statedUscc, String uscc,
                    String proposedUscc, String registryName, MatchStatus match, Award award) {

    /** The enterprise as the page names it: the registry's name when matched, else what the file said. */
    public String shownEnterprise() {
        if (registryName != null) {
            return registryName;
        }
        if (enterpriseName != null) {
            return enterpriseName;
        }
        return statedUscc == null ? "" : statedUscc;
    }
}
