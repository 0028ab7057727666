package cn.gov.panyu.points.platform.contest;

/** How an entry was matched to the registry. Only MATCHED and CONFIRMED entries have an enterprise. */
public enum MatchStatus {
    /** The file's USCC is in the registry. */
    MATCHED("信用代码匹配"),
    /** Only a name was given, and its normalised form names exactly one registry enterprise: staff confirm it. */
    PROPOSED("名称匹配待确认"),
    /** Staff confirmed the proposed name match. */
    CONFIRMED("名称匹配已确认"),
    /** Staff rejected the proposed name match. */
    REJECTED("名称匹配已否决"),
    /** No registry enterprise found. */
    UNMATCHED("未匹配");

    private final String label;

    MatchStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean hasEnterprise() {
        return this == MATCHED || this == CONFIRMED;
    }
}
