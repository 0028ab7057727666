/**
 * 白皮书: the 《番禺区科技企业创新积分白皮书》 of a published year — generated in the background from that year's
 * published run, stored per year with the run it came from, downloadable as PDF and HTML, with an editorial
 * foreword per year (docs/adr/0016-white-paper.md).
 *
 * <p>Every figure comes from the dashboard's own API (analytics' {@code DistrictDashboard}), so the white paper
 * and 统计看板 cannot disagree; the tier lists and the run come through evaluation's read model
 * ({@code evaluation :: published-scores}), the methodology from the run's model version (scoremodel). May
 * also use audit (generation, foreword and downloads are recorded), table (the read model's paging) and pdf
 * (the CJK font and the printing, shared with the 预算绩效 forms).
 */
@ApplicationModule(displayName = "白皮书", allowedDependencies = {"analytics", "evaluation :: published-scores",
        "scoremodel", "audit", "table", "pdf"})
package cn.gov.panyu.points.platform.whitepaper;

import org.springframework.modulith.ApplicationModule;
