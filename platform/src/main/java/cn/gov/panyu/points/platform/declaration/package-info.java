/**
 * 企业填报: an enterprise states its yearly data with evidence attachments, submits it for review, and
 * staff approve it into the SELF source of the merge or return it with a comment; every change is kept.
 *
 * <p>May depend on account (the enterprise's USCC scopes its declarations), collection (the record's fields and
 * the SELF source an approval feeds), audit and table.
 */
@ApplicationModule(displayName = "企业填报",
        allowedDependencies = {"account", "audit", "collection", "collection :: registry-references", "table"})
package cn.gov.panyu.points.platform.declaration;

import org.springframework.modulith.ApplicationModule;
