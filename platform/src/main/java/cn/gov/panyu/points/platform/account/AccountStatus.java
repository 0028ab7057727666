package cn.gov.panyu.points.platform.account;

/** Where an account stands in review; whether it may sign in also depends on the administrator's switch. */
public enum AccountStatus {
    /** 正常 */
    ACTIVE("正常"),
    /** 待审核: an enterprise's self-registration staff have not yet decided */
    PENDING("待审核"),
    /** 已驳回: a registration staff refused, with the reason kept */
    REJECTED("已驳回");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
