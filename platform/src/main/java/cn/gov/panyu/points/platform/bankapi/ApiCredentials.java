package cn.gov.panyu.points.platform.bankapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.consent.Bank;
import cn.gov.panyu.points.platform.consent.Banks;

/**
 * The banks' API keys: staff issue, rotate and revoke them; the API's security filter checks the key of every
 * call here. A key is {@code <key id>.<secret>}: the id is public (it names the key in lists and the audit
 * trail), the secret is 256 random bits shown once and stored only as its SHA-256 — a slow password hash would
 * add nothing against guessing 2^256 values and would cost every call tens of milliseconds
 * (docs/adr/0015-bank-api-credentials.md).
 */
@Service
public class ApiCredentials {

    /** What the audit trail and the services see as the user of a call: {@code api:<key id>}. */
    static final String USER_PREFIX = "api:";
    private static final int MAX_LABEL = 100;
    /** A key's last use is written at most this often: a write per call would double the API's database work. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final String COLUMNS = """
            key_id, bank_code, label, created_by, created_at, expires_at, replaced_by, revoked_at, revoked_by,
            last_used_at""";

    private final JdbcClient jdbc;
    private final Banks banks;
    private final AuditLog audit;
    private final Duration grace;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LocalDateTime> lastUseWritten = new ConcurrentHashMap<>();

    ApiCredentials(JdbcClient jdbc, Banks banks, AuditLog audit, BankApiProperties properties) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.audit = audit;
        this.grace = properties.rotationGrace();
    }

    /** How long a rotated key keeps working. */
    public Duration rotationGrace() {
        return grace;
    }

    /** A partner bank and its keys, newest first; 404 for a bank that does not exist. */
    @PreAuthorize("hasRole('STAFF')")
    public List<ApiCredential> of(String bankCode) {
        bank(bankCode);
        return jdbc.sql("select " + COLUMNS + " from api_credential where bank_code = :bank order by created_at desc, key_id")
                .param("bank", bankCode).query(ApiCredentials::row).list();
    }

    /** The bank of a code, or 404. */
    @PreAuthorize("hasRole('STAFF')")
    public Bank bank(String bankCode) {
        return banks.find(bankCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Issues a new key for a bank's system.
     *
     * @return the key with its secret, to be shown once; empty when the label is blank or too long
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public Optional<IssuedKey> issue(PlatformUser staff, String bankCode, String label) {
        Bank bank = bank(bankCode);
        if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
            return Optional.empty();
        }
        IssuedKey key = insert(staff, bank.code(), label.strip());
        audit.record(AuditAction.API_CREDENTIAL_CHANGE, null,
                "为 " + bank.name() + "（" + bank.code() + "）签发接口密钥 " + key.keyId() + "「" + label.strip() + "」");
        return Optional.of(key);
    }

    /**
     * Replaces a current key by a new one with the same label. The old key keeps working for the grace period
     * ({@link #rotationGrace()}), so that the bank can switch without an outage; 404 for a key of another bank
     * or one that is revoked or already rotated.
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public IssuedKey rotate(PlatformUser staff, String bankCode, String keyId) {
        Bank bank = bank(bankCode);
        ApiCredential old = current(bankCode, keyId);
        IssuedKey key = insert(staff, bank.code(), old.label());
        LocalDateTime until = LocalDateTime.now().plus(grace);
        jdbc.sql("update api_credential set expires_at = :until, replaced_by = :new where key_id = :id and bank_code = :bank")
                .param("until", Timestamp.valueOf(until)).param("new", key.keyId()).param("id", keyId)
                .param("bank", bankCode).update();
        audit.record(AuditAction.API_CREDENTIAL_CHANGE, null, "轮换 " + bank.name() + "（" + bank.code() + "）的接口密钥 "
                + keyId + " → " + key.keyId() + "，旧密钥有效至 " + until.withNano(0));
        return key;
    }

    /** Ends a key at once (also one in its grace period); 404 for a key of another bank or one already revoked. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void revoke(PlatformUser staff, String bankCode, String keyId) {
        Bank bank = bank(bankCode);
        int ended = jdbc.sql("""
                        update api_credential set revoked_at = :now, revoked_by = :user
                        where key_id = :id and bank_code = :bank and revoked_at is null""")
                .param("now", Timestamp.valueOf(LocalDateTime.now())).param("user", staff.username())
                .param("id", keyId).param("bank", bankCode).update();
        if (ended == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(AuditAction.API_CREDENTIAL_CHANGE, null,
                "撤销 " + bank.name() + "（" + bank.code() + "）的接口密钥 " + keyId);
    }

    /**
     * The bank user a call acts as, when {@code token} ({@code <key id>.<secret>}) is a key that is valid now:
     * neither revoked nor past its grace period. No role check: this is how a caller gets one.
     */
    public Optional<PlatformUser> authenticate(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot > 32) {
            return Optional.empty();
        }
        String keyId = token.substring(0, dot);
        LocalDateTime now = LocalDateTime.now();
        Optional<Stored> stored = jdbc.sql("select " + COLUMNS + ", secret_hash from api_credential where key_id = :id")
                .param("id", keyId).query((rs, n) -> new Stored(row(rs, n), rs.getString("secret_hash"))).optional();
        // the hashes are compared in constant time, so that timing tells nothing about how much of a guess was right
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII)) || !stored.get().key().validAt(now)) {
            return Optional.empty();
        }
        ApiCredential key = stored.get().key();
        noteUse(keyId, now);
        return Optional.of(new PlatformUser(USER_PREFIX + keyId, "", key.label(), Role.BANK, null, key.bankCode(), true, false));
    }

    /** The key id of a caller authenticated by {@link #authenticate}, or null for anyone else. */
    static String keyIdOf(PlatformUser user) {
        return user.username().startsWith(USER_PREFIX) ? user.username().substring(USER_PREFIX.length()) : null;
    }

    private record Stored(ApiCredential key, String hash) {
    }

    private void noteUse(String keyId, LocalDateTime now) {
        LocalDateTime written = lastUseWritten.get(keyId);
        if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            lastUseWritten.put(keyId, now);
            jdbc.sql("update api_credential set last_used_at = :now where key_id = :id")
                    .param("now", Timestamp.valueOf(now)).param("id", keyId).update();
        }
    }

    private ApiCredential current(String bankCode, String keyId) {
        return jdbc.sql("select " + COLUMNS + " from api_credential where key_id = :id and bank_code = :bank"
                        + " and revoked_at is null and expires_at is null")
                .param("id", keyId).param("bank", bankCode).query(ApiCredentials::row).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private IssuedKey insert(PlatformUser staff, String bankCode, String label) {
        byte[] id = new byte[12];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        IssuedKey key = new IssuedKey(HexFormat.of().formatHex(id), bankCode,
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        jdbc.sql("""
                        insert into api_credential (key_id, bank_code, label, secret_hash, created_by, created_at)
                        values (:id, :bank, :label, :hash, :user, :now)""")
                .param("id", key.keyId()).param("bank", bankCode).param("label", label).param("hash", hash(key.secret()))
                .param("user", staff.username()).param("now", Timestamp.valueOf(LocalDateTime.now())).update();
        return key;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static ApiCredential row(ResultSet rs, int n) throws SQLException {
        return new ApiCredential(rs.getString("key_id"), rs.getString("bank_code"), rs.getString("label"),
                rs.getString("created_by"), time(rs, "created_at"), time(rs, "expires_at"), rs.getString("replaced_by"),
                time(rs, "revoked_at"), rs.getString("revoked_by"), time(rs, "last_used_at"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
