package cn.gov.panyu.points.engine.input;

/** A negative-list circumstance (负面情形), spec §1 {@code negatives}; the model decides veto or deduction. */
public enum Negative {
    DISHONEST("失信被执行人"),
    ACCIDENT("重大安全/质量事故或严重环境违法"),
    ABNORMAL("列入经营异常名录"),
    TAX_D("纳税信用D级");

    private final String label;

    Negative(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
