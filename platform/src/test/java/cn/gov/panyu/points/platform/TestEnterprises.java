package cn.gov.panyu.points.platform;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;

/** Enterprises of a test's own (the test database outlives a run, so codes are random). */
public final class TestEnterprises {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestEnterprises() {
    }

    /** A fresh valid USCC. */
    public static String uscc() {
        StringBuilder b = new StringBuilder("91440113");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(CHARSET.charAt(r.nextInt(CHARSET.length())));
        }
        return b.append(UnifiedSocialCreditCode.checkCharacter(b.toString())).toString();
    }

    /** Registers a new enterprise in the registry and returns its USCC. */
    public static String register(JdbcClient jdbc, String name) {
        String uscc = uscc();
        jdbc.sql("insert into enterprise (uscc, name, town, industry, established) values (:u, :n, '南村镇', 'C39', :d)")
                .param("u", uscc).param("n", name).param("d", LocalDate.of(2015, 3, 1)).update();
        return uscc;
    }

    /** A name no other test run uses, e.g. for accounts. */
    public static String uniqueName(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    }
}
