package cn.gov.panyu.points.platform.enterprise;

import cn.gov.panyu.points.platform.table.TablePage;

/**
 * A page of the enterprise list with the year it was read for.
 *
 * @param filter    the filters, the year resolved
 * @param published whether the year has a published evaluation (stage, score and tier columns)
 */
public record EnterpriseListing(TablePage<EnterpriseRow> page, EnterpriseFilter filter, boolean published) {
}
