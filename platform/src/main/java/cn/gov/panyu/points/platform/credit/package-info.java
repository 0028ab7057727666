/**
 * 科技信贷: what a bank officer sees — the enterprises that consented to the officer's bank, and their
 * detailed points reports, each read audited.
 */
package cn.gov.panyu.points.platform.credit;
