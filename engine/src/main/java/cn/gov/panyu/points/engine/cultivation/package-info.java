/**
 * The 高企/科小 pre-assessment (cultivation-rules.md): which enterprises of a year meet the rules of
 * 科技型中小企业 and 高新技术企业, computed from the scoring input plus the optional columns of
 * {@link cn.gov.panyu.points.engine.input.CultivationField}. Pure computation like scoring: no files,
 * no command line. What data cannot decide (expert judgement) is a band, never a guessed point value;
 * missing data is named, never read as 0.
 */
package cn.gov.panyu.points.engine.cultivation;
