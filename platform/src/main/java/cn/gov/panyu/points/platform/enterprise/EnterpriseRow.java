package cn.gov.panyu.points.platform.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * One line of the enterprise list: registry facts plus the year's published score (null fields when the
 * year has no published run or the enterprise was not in it).
 *
 * @param qualifications the merged record's codes, ';'-separated, or null
 */
public record EnterpriseRow(String uscc, String name, String town, String industry, LocalDate established,
                            String qualifications, Stage stage, BigDecimal total, Integer rank, Tier tier,
                            Boolean eligible) {

    /** "高新技术企业、科技型中小企业". */
    public String qualificationLabels() {
        return labels(qualifications);
    }

    public List<Qualification> qualificationList() {
        if (qualifications == null || qualifications.isBlank()) {
            return List.of();
        }
        return Arrays.stream(qualifications.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .map(EnterpriseRow::qualification).filter(q -> q != null).toList();
    }

    static String labels(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return String.join("、", Arrays.stream(codes.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .map(c -> {
                    Qualification q = qualification(c);
                    return q == null ? c : q.label();
                }).toList());
    }

    private static Qualification qualification(String code) {
        try {
            return Qualification.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
