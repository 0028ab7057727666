package cn.gov.panyu.points.platform.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * One line of the enterprise list: registry facts plus the year's published score (null fields when the
 * year has no published run or the enterprise was not in it).
 *
 * @param qualifications the merged record's codes in their stored form ({@link SetCodes}), or null
 */
public record EnterpriseRow(String uscc, String name, String town, String industry, LocalDate established,
                            String qualifications, Stage stage, BigDecimal total, Integer rank, Tier tier,
                            Boolean eligible) {

    /** "高新技术企业、科技型中小企业". */
    public String qualificationLabels() {
        return SetCodes.QUALIFICATIONS.labelsOfStored(qualifications);
    }

    public List<Qualification> qualificationList() {
        return List.copyOf(SetCodes.QUALIFICATIONS.fromStored(qualifications));
    }
}
