package cn.gov.panyu.points.platform.audit;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.platform.table.SqlFilter;

/**
 * The search of 操作日志, bound from {@code ?user=&action=&uscc=&from=&to=}; dates are whole days, both
 * ends included.
 */
public record AuditFilter(String user, AuditAction action, String uscc,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    private static final int USERNAME_LENGTH = 64;
    private static final int USCC_LENGTH = 18;

    public AuditFilter {
        user = blankToNull(user);
        uscc = uscc == null || uscc.isBlank() ? null : uscc.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * This filter, if each value fits its column (the user name's 64 characters, the USCC's 18): a longer
     * one matches nothing, and the export, which records its filter, could not record it.
     *
     * @throws ResponseStatusException 400, the error page's "请求无法处理"
     */
    AuditFilter checked() {
        if (user != null && user.length() > USERNAME_LENGTH || uscc != null && uscc.length() > USCC_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return this;
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
