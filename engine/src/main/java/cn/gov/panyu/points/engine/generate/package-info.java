/**
 * Synthetic but realistic Panyu enterprise data in the engine's input format (scoring-spec §1): for
 * tests, benchmarks and the platform's demo data, so that nobody needs real enterprise data to work.
 *
 * <p>{@link cn.gov.panyu.points.engine.generate.SyntheticDistrict} is the entry point. Everything else
 * here is the statistical model behind it (industries, towns, names, the USCC numbering) and the
 * allocation-free CSV writer that makes a million rows a matter of seconds.
 */
package cn.gov.panyu.points.engine.generate;
