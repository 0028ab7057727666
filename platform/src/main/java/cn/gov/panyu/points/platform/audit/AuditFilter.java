package cn.gov.panyu.points.platform.audit;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.platform.table.SqlFilter;

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
    SqlFilter where() {
        return SqlFilter.all().andIf(user != null, "a.username = ?", user)
                .andIf(action != null, "a.action = ?", action == null ? null : action.name())
                .andIf(uscc != null, "a.target_uscc = ?", uscc)
                .andIf(from != null, "a.occurred_at >= ?", from == null ? null : from.atStartOfDay())
                .andIf(to != null, "a.occurred_at < ?", to == null ? null : to.plusDays(1).atStartOfDay());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
