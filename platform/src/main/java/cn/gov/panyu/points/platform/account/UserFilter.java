package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

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
    Where where(LocalDateTime now) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (role != null) {
            clauses.add("u.role = :role");
            params.put("role", role);
        }
        if (state != null) {
            switch (state) {
                case "PENDING", "REJECTED" -> {
                    clauses.add("u.status = :status");
                    params.put("status", state);
                }
                case "DISABLED" -> clauses.add("u.status = 'ACTIVE' and u.enabled = false");
                case "LOCKED" -> {
                    clauses.add("u.status = 'ACTIVE' and u.locked_until > :now");
                    params.put("now", now);
                }
                case "ACTIVE" -> {
                    clauses.add("u.status = 'ACTIVE' and u.enabled = true and (u.locked_until is null or u.locked_until <= :now)");
                    params.put("now", now);
                }
                default -> { }
            }
        }
        if (q != null) {
            clauses.add("(lower(u.username) like :q escape '\\' or lower(u.display_name) like :q escape '\\'"
                    + " or lower(coalesce(u.contact_name, '')) like :q escape '\\' or u.uscc like :qUpper escape '\\')");
            String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("q", "%" + escaped.toLowerCase(Locale.ROOT) + "%");
            params.put("qUpper", "%" + escaped.toUpperCase(Locale.ROOT) + "%");
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
