package cn.gov.panyu.points.platform.credit;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a 积分贷 application stands, and the only steps that lead on from there
 * (docs/adr/0014-credit-applications.md):
 *
 * <pre>
 *  提交 ──► 需补充材料 ──(企业补充)──► 提交
 *   │  └──────────┬────────────────┘
 *   ├──► 已受理 ──► 已放款
 *   │      └──► 已拒绝
 *   └──► 已拒绝            (企业可在 提交 / 需补充材料 / 已受理 时撤回 → 已撤回)
 * </pre>
 *
 * 已拒绝, 已放款 and 已撤回 are final: nothing leads on from them, and the consent the application granted ends.
 */
public enum ApplicationStatus {

    SUBMITTED("已提交", "primary"),
    INFO_REQUESTED("需补充材料", "warning"),
    ACCEPTED("已受理", "info"),
    REJECTED("已拒绝", "danger"),
    LOANED("已放款", "success"),
    WITHDRAWN("已撤回", "secondary");

    private final String label;
    private final String tone;

    ApplicationStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    public String label() {
        return label;
    }

    /** The colour its badge is shown in (a Bootstrap contextual name), so that a waiting application stands out. */
    public String tone() {
        return tone;
    }

    /** The statuses this one may lead to; empty for a final status. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(INFO_REQUESTED, ACCEPTED, REJECTED, WITHDRAWN);
            case INFO_REQUESTED -> EnumSet.of(SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(LOANED, REJECTED, WITHDRAWN);
            case REJECTED, LOANED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean mayBecome(ApplicationStatus to) {
        return next().contains(to);
    }

    /** The application is over: no step leads on, its consent has ended. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Still open: an enterprise files no second application for the same product meanwhile. */
    public static Set<ApplicationStatus> open() {
        return EnumSet.of(SUBMITTED, INFO_REQUESTED, ACCEPTED);
    }
}
