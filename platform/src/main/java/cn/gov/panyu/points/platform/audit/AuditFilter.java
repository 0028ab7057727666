package cn.gov.panyu.points.platform.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search of 操作日志, bound from {@code ?user=&action=&uscc=&from=&to=}; dates are whole days, both
 * ends included.
 */
public record AuditFilter(String user, AuditAction action, String uscc,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public AuditFilter {
        user = blankToNull(user);
        uscc = uscc == null || uscc.isBlank() ? null : uscc.strip().toUpperCase(Locale.ROOT);
    }

    public String listUrl(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (user != null) {
            b.queryParam("user", user);
        }
        if (action != null) {
            b.queryParam("action", action.name());
        }
        if (uscc != null) {
            b.queryParam("uscc", uscc);
        }
        if (from != null) {
            b.queryParam("from", from);
        }
        if (to != null) {
            b.queryParam("to", to);
        }
        return b.encode().build().toUriString();
    }

    /** Only fixed fragments; every value bound. */
    Where where() {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (user != null) {
            clauses.add("a.username = :user");
            params.put("user", user);
        }
        if (action != null) {
            clauses.add("a.action = :action");
            params.put("action", action.name());
        }
        if (uscc != null) {
            clauses.add("a.target_uscc = :uscc");
            params.put("uscc", uscc);
        }
        if (from != null) {
            clauses.add("a.occurred_at >= :from");
            params.put("from", from.atStartOfDay());
        }
        if (to != null) {
            clauses.add("a.occurred_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay());
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
