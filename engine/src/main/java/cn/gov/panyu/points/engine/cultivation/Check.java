package cn.gov.panyu.points.engine.cultivation;

/**
 * One condition or indicator of a pre-assessment, explained: what was found, what the rule asks, where
 * the figure comes from, and, where the rules allow, how far the enterprise is from meeting it.
 *
 * @param code      a stable code, e.g. {@code ST_STAFF_RATIO} (for files; people read {@link #name})
 * @param name      the condition in Chinese
 * @param status    whether the data meets it
 * @param figure    the enterprise's figure, e.g. "8 %（8 / 100 人）"; empty when missing
 * @param threshold what the rule asks, e.g. "≥ 10 %"
 * @param source    the input fields the figure is computed from
 * @param gap       how much is missing in money or people, or empty
 * @param attained  for a condition measured as a ratio and not met, the share of the threshold reached (0.8
 *                  for 8 % against 10 %), so that "close to meeting it" can be a rule; NaN otherwise
 */
public record Check(String code, String name, Status status, String figure, String threshold, String source,
                    String gap, double attained) {

    public Check(String code, String name, Status status, String figure, String threshold, String source, String gap) {
        this(code, name, status, figure, threshold, source, gap, Double.NaN);
    }

    public enum Status {
        MET("符合"), NOT_MET("不符合"), MISSING("数据缺失"),
        /** An indicator or assessment part, scored from data (it has points, not a yes or no). */
        SCORED("已计分"),
        /** The rules ask it, the data cannot show it: the enterprise's own declaration decides. */
        SELF_DECLARED("需企业自评"),
        /** Data narrow it to a band; the experts' judgement decides within it. */
        EXPERT_BAND("待专家评审");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Check of(String code, String name, boolean met, String figure, String threshold, String source) {
        return new Check(code, name, met ? Status.MET : Status.NOT_MET, figure, threshold, source, "");
    }

    static Check scored(String code, String name, String figure, String threshold, String source) {
        return new Check(code, name, Status.SCORED, figure, threshold, source, "");
    }

    static Check missing(String code, String name, String threshold, String source) {
        return new Check(code, name, Status.MISSING, "", threshold, source, "");
    }

    static Check selfDeclared(String code, String name, String threshold) {
        return new Check(code, name, Status.SELF_DECLARED, "", threshold, "企业自评", "");
    }

    Check withGap(String text) {
        return new Check(code, name, status, figure, threshold, source, text, attained);
    }

    /** The share of the threshold reached, for an unmet ratio condition. */
    Check attained(double share) {
        return new Check(code, name, status, figure, threshold, source, gap, share);
    }

    /** Not met, and by no more than {@code margin} of its threshold (0.2 = reached at least 80 % of it). */
    public boolean nearlyMet(double margin) {
        // a hair of tolerance: 8 % of a 10 % threshold is 0.8 exactly on paper, not always in binary
        return status == Status.NOT_MET && !Double.isNaN(attained) && attained >= 1 - margin - 1e-9;
    }

    /** e.g. "科技人员占比：8 %（要求 ≥ 10 %；来源 科技人员数(st_staff)、职工总数(employees)）→ 不符合。再增加 3 名…". */
    public String explain() {
        StringBuilder sb = new StringBuilder(name).append('：')
                .append(figure.isEmpty() ? status == Status.MISSING ? "数据缺失" : "—" : figure)
                .append("（要求 ").append(threshold).append("；来源 ").append(source).append("）→ ").append(status.label());
        if (!gap.isEmpty()) {
            sb.append("。").append(gap);
        }
        return sb.toString();
    }
}
