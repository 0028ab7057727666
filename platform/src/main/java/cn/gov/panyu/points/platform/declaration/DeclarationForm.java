package cn.gov.panyu.points.platform.declaration;

import java.util.List;
import java.util.Map;

/**
 * What the declaration form posts: {@code values[revenue_y0]=…} per field and the ticked
 * {@code qualifications}. There is deliberately no USCC or id in it: the enterprise comes from the
 * signed-in user, the year from the path.
 */
record DeclarationForm(Map<String, String> values, List<String> qualifications) {

    DeclarationForm {
        values = values == null ? Map.of() : values;
        qualifications = qualifications == null ? List.of() : qualifications;
    }
}
