package cn.gov.panyu.points.platform.consent;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The partner banks (table {@code bank}, one row per bank code), read by every feature that names a bank:
 * an enterprise's consents, a bank's products. Deliberately without a role check, like a repository: the
 * list of partner banks is no secret, and each caller decides what its user may do with a bank.
 */
@Service
public class Banks {

    private final JdbcClient jdbc;

    Banks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every bank, by name. */
    public List<Bank> all() {
        return jdbc.sql("select code, name from bank order by name").query((rs, n) -> new Bank(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The bank of a code; empty for a blank or unknown one. */
    public Optional<Bank> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select code, name from bank where code = :code").param("code", code.strip())
                .query((rs, n) -> new Bank(rs.getString(1), rs.getString(2))).optional();
    }
}
