/**
 * 数据质量 (data-quality intelligence): pure detection of figures that deserve a second look before they
 * are scored. Four rules, each a class of its own, all producing {@link Flag}s that carry the reason in
 * Chinese, the figures behind it and a severity for ranking ({@link Severity}):
 * <ul>
 * <li>{@link RobustOutliers}: per industry (GB/T 4754 division) and stage, the modified z-score
 *     0.6745·(x − median)/MAD beyond 3.5 (Iglewicz &amp; Hoaglin) on the log scale, groups with MAD = 0 or fewer
 *     than five firms left out (the class says why);</li>
 * <li>{@link YearOnYearJumps}: a figure that changed by more than a factor against last year, and by at least
 *     a minimum amount, so that small firms' ordinary swings (2 → 11 staff) are not flagged;</li>
 * <li>{@link SourceDisagreements}: the same figure reported by two sources (a department and the enterprise's
 *     own declaration) apart by more than a tolerance — the rule the platform's merge uses for its conflicts;</li>
 * <li>{@link ImpossibleCombinations}: figures that contradict each other (R&amp;D staff above employees,
 *     high-tech revenue above revenue, invention patents granted above valid class Ⅰ IP).</li>
 * </ul>
 * No I/O and no framework: the platform feeds it the stored records, the command line could feed it a file.
 */
package cn.gov.panyu.points.engine.quality;
