package cn.gov.panyu.points.platform.bankapi;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers kept for Idempotency-Key (table {@code api_idempotency}): a request claims its key before it
 * runs — the primary key (API key, Idempotency-Key) lets exactly one of two simultaneous requests through —
 * and stores its answer after. Each step commits on its own, so that a claim is visible to a retry that
 * arrives while the first request still runs.
 */
@Component
class IdempotencyStore {

    /** A kept request; {@code status} null while it is still running. */
    record Kept(String fingerprint, Integer status, String contentType, String body) {
    }

    private final JdbcClient jdbc;
    private final BankApiProperties properties;

    IdempotencyStore(JdbcClient jdbc, BankApiProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The request kept under the key within the retention period. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<Kept> find(String keyId, String idemKey) {
        return jdbc.sql("""
                        select fingerprint, status, content_type, body from api_idempotency
                        where key_id = :key and idem_key = :idem and created_at >= :cutoff""")
                .param("key", keyId).param("idem", idemKey).param("cutoff", cutoff())
                .query((rs, n) -> new Kept(rs.getString(1).trim(), rs.getObject(2, Integer.class), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    /**
     * Claims the key for a request about to run, dropping kept answers older than the retention period first.
     *
     * @return false when another request holds the key now
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(String keyId, String idemKey, String fingerprint) {
        jdbc.sql("delete from api_idempotency where created_at < :cutoff").param("cutoff", cutoff()).update();
        try {
            jdbc.sql("""
                            insert into api_idempotency (key_id, idem_key, fingerprint, created_at)
                            values (:key, :idem, :fp, :now)""")
                    .param("key", keyId).param("idem", idemKey).param("fp", fingerprint)
                    .param("now", Timestamp.valueOf(LocalDateTime.now())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Keeps the answer of the request that claimed the key. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void keep(String keyId, String idemKey, int status, String contentType, String body) {
        jdbc.sql("""
                        update api_idempotency set status = :status, content_type = :type, body = :body
                        where key_id = :key and idem_key = :idem""")
                .param("status", status).param("type", contentType).param("body", body)
                .param("key", keyId).param("idem", idemKey).update();
    }

    /** Gives the key back after a server error, so that a retry runs the request again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(String keyId, String idemKey) {
        jdbc.sql("delete from api_idempotency where key_id = :key and idem_key = :idem")
                .param("key", keyId).param("idem", idemKey).update();
    }

    private Timestamp cutoff() {
        return Timestamp.valueOf(LocalDateTime.now().minus(properties.idempotencyRetention()));
    }
}
