package cn.gov.panyu.points.platform.consent;

/** A partner bank: the code a bank officer's account is bound to, and its name as people read it. */
public record Bank(String code, String name) {
}
