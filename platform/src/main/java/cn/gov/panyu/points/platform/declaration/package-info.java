/**
 * 企业填报: an enterprise states its yearly data with evidence attachments, submits it for review, and
 * staff approve it into the SELF source of the merge or return it with a comment; every change is kept.
 */
package cn.gov.panyu.points.platform.declaration;
