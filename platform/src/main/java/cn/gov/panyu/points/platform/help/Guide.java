package cn.gov.panyu.points.platform.help;

import java.util.Arrays;
import java.util.Optional;

/** The user guides, one per kind of user; {@code file} is the Markdown file under docs/guide. */
public enum Guide {
    STAFF("staff", "业务人员使用指南"),
    ENTERPRISE("enterprise", "企业用户使用指南"),
    BANK("bank", "金融机构使用指南"),
    ADMIN("admin", "系统管理员使用指南"),
    EXPERT("expert", "评审专家使用指南");

    private final String slug;
    private final String title;

    Guide(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    String file() {
        return slug + ".md";
    }

    public static Optional<Guide> bySlug(String slug) {
        return Arrays.stream(values()).filter(g -> g.slug.equals(slug)).findFirst();
    }
}
