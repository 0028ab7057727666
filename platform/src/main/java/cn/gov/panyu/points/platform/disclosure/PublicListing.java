package cn.gov.panyu.points.platform.disclosure;

import cn.gov.panyu.points.engine.model.Tier;

/**
 * One enterprise on a published tier list, as the public sees it. The record has no field for a score or
 * a figure, so no template or export can show one by mistake.
 *
 * @param rank the rank within the stage, which orders the list
 */
public record PublicListing(Tier tier, int rank, String name, String town, String industry) {
}
