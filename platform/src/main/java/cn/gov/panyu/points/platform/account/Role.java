package cn.gov.panyu.points.platform.account;

/** The roles of the platform; {@code hasRole('STAFF')} etc. in security expressions. */
public enum Role {
    /** 系统管理员 */
    ADMIN("系统管理员"),
    /** 业务人员 (bureau staff) */
    STAFF("业务人员"),
    /** 企业用户, bound to one USCC */
    ENTERPRISE("企业用户"),
    /** 金融机构用户, bound to one bank */
    BANK("金融机构用户"),
    /** 评审专家 */
    EXPERT("评审专家");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
