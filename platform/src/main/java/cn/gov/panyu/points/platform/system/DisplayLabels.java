package cn.gov.panyu.points.platform.system;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.InputField;

/**
 * The engine's labels for templates ({@code ${@labels.industry(r.industry())}}): pages store and pass codes,
 * people read names, and the names are defined once, in the engine, not typed again in each template.
 */
@Component("labels")
public class DisplayLabels {

    private static final List<InputField> FIELDS =
            java.util.Arrays.stream(InputField.values()).filter(f -> f != InputField.USCC).toList();

    /** "C39 计算机、通信和其他电子设备制造业" for C39 (GB/T 4754-2017 division). */
    public String industry(String code) {
        return IndustryCode.display(code);
    }

    /** The fields of an enterprise record but its identity (USCC), in the template's order: what a data item can be. */
    public List<InputField> fields() {
        return FIELDS;
    }

    /** The Chinese label of an input field named by its key or header ("研发费用" for rd_expense); the text itself otherwise. */
    public String field(String keyOrHeader) {
        InputField f = InputField.forHeader(keyOrHeader);
        return f == null ? keyOrHeader : f.label();
    }
}
