package cn.gov.panyu.points.platform.credit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application, decision or loan refused for a reason the user can act on. The message is Chinese; the
 * problems, when the refusal is about inputs, are keyed by the input they concern (as forms show them).
 */
public class CreditException extends RuntimeException {

    private final Map<String, String> problems;

    public CreditException(String message) {
        this(message, Map.of());
    }

    public CreditException(String message, Map<String, String> problems) {
        super(message);
        this.problems = Map.copyOf(new LinkedHashMap<>(problems));
    }

    /** The problems by input ("amount", "rate" …); empty when the refusal is not about one input. */
    public Map<String, String> problems() {
        return problems;
    }

    /** Refuses when {@code problems} is not empty, naming how many inputs to correct. */
    static void refuseIf(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new CreditException("请修改 " + problems.size() + " 处填写有误的内容：" + String.join("；", problems.values()),
                    problems);
        }
    }
}
