package cn.gov.panyu.points.platform.credit;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Which enterprises got a loan in a period, every bank's together: what the back-test of a model (模型校准)
 * follows as one of its outcomes. The only part of credit that other features may read — no amounts, banks or
 * terms, so it needs no bank's scope; staff only, as the staff's totals.
 */
@Service
@NamedInterface("loan-history")
public class LoanHistory {

    private final JdbcClient jdbc;

    LoanHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The USCCs of the enterprises with a loan granted from {@code from} to {@code to}, both included. */
    @PreAuthorize("hasRole('STAFF')")
    public Set<String> borrowers(LocalDate from, LocalDate to) {
        Set<String> borrowers = new HashSet<>();
        jdbc.sql("select distinct uscc from credit_loan where granted_on between ? and ?").params(from, to)
                .query(String.class).list().forEach(uscc -> borrowers.add(uscc.trim())); // char(18) as elsewhere
        return borrowers;
    }
}
