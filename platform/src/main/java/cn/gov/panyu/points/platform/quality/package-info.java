/**
 * 数据质量: the data-quality queue. The engine's checks ({@code cn.gov.panyu.points.engine.quality}: outliers
 * per industry division and stage, year-on-year jumps, sources that disagree, contradictions) run over a
 * year's merged records; their flags, ranked by severity, wait for staff, who mark each 确认有误 or 误报
 * with an optional note. Decisions are kept and learned from: a figure once decided is not raised again
 * for the same enterprise, field and year while its value stays the same, and is raised again when it
 * changes (the value is part of the flag).
 *
 * <p><b>When detection runs.</b> When staff ask (检测 on the page), not after each load: a year's data
 * arrives in six departments' files and the enterprises' declarations, and a check after the first file
 * would fill the queue with jumps and disagreements that the next file removes. A detection is
 * idempotent — it replaces the year's open flags with the current findings — and runs in the request; a
 * year of 100,000 enterprises took 35–57 s on a heavily loaded shared machine (docs/benchmarks.md), which is
 * too long to wait for: moving it to a background job like the imports' is the next step. Detections of one
 * year are serialised through the row of {@code quality_check}, also across instances.
 *
 * <p><b>Beside, not instead of, 数据采集's findings.</b> 数据冲突 stays where staff choose which source's
 * value the record uses; a disagreement they decided there is not raised here, an undecided one is ranked
 * here among the other flags (the engine's one rule of disagreeing sources decides both). 异常提示 are the
 * merge's notes on every load and need no decision; this queue is what needs one, and the home page's
 * figure counts its open flags.
 *
 * <p>May depend on audit, table, collection (a year's merged records and the undecided disagreements
 * between sources; field labels) and scoremodel (the active model's stages).
 */
@ApplicationModule(displayName = "数据质量", allowedDependencies = {"audit", "collection", "scoremodel", "table"})
package cn.gov.panyu.points.platform.quality;

import org.springframework.modulith.ApplicationModule;
