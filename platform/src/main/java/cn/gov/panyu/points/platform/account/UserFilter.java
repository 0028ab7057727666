package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.platform.table.SqlFilter;

/**
 * The filters of 用户管理, bound from {@code ?role=&state=&q=}. {@code state} is what the list's badge
 * says: ACTIVE (正常), DISABLED (已停用), LOCKED (已锁定), PENDING (待审核), REJECTED (已驳回).
 */
public record UserFilter(String role, String state, String q) {

    public UserFilter {
        role = blankToNull(role);
        state = blankToNull(state);
        q = blankToNull(q);
    }

    /** The list URL with these filters, for sort headers, pager and export. */
    public String listUrl(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (role != null) {
            b.queryParam("role", role);
        }
        if (state != null) {
            b.queryParam("state", state);
        }
        if (q != null) {
            b.queryParam("q", q);
        }
        return b.encode().build().toUriString();
    }

    /** WHERE clause of fixed fragments with every value bound. */
    SqlFilter where(LocalDateTime now) {
        SqlFilter f = SqlFilter.all().andIf(role != null, "u.role = ?", role);
        if (state != null) {
            f = switch (state) {
                case "PENDING", "REJECTED" -> f.and("u.status = ?", state);
                case "DISABLED" -> f.and("u.status = 'ACTIVE' and u.enabled = false");
                case "LOCKED" -> f.and("u.status = 'ACTIVE' and u.locked_until > ?", now);
                case "ACTIVE" -> f.and("u.status = 'ACTIVE' and u.enabled = true and (u.locked_until is null or u.locked_until <= ?)",
                        now);
                default -> f;
            };
        }
        if (q != null) {
            String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String lower = "%" + escaped.toLowerCase(Locale.ROOT) + "%";
            f = f.and("(lower(u.username) like ? escape '\\' or lower(u.display_name) like ? escape '\\'"
                    + " or lower(coalesce(u.contact_name, '')) like ? escape '\\' or u.uscc like ? escape '\\')",
                    lower, lower, lower, "%" + escaped.toUpperCase(Locale.ROOT) + "%");
        }
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
