package cn.gov.panyu.points.platform.bankapi;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

/** Partner banks and API keys for the bank API tests, made as staff make them. */
final class ApiKeys {

    private ApiKeys() {
    }

    /** A new partner bank with a code no other test uses. */
    static String newBank(JdbcClient jdbc) {
        String code = ("T" + Long.toString(System.nanoTime(), 36) + Integer.toString((int) (Math.random() * 1000), 36))
                .toUpperCase();
        jdbc.sql("insert into bank (code, name) values (?, ?)").params(code, TestEnterprises.uniqueName("接口测试银行")).update();
        return code;
    }

    /** A new key of the bank, issued by staff: the {@code Authorization} header value. */
    static String issue(ApiCredentials credentials, String bankCode) {
        return "Bearer " + TestUsers.runAs(TestUsers.staffUser(),
                () -> credentials.issue(TestUsers.staffUser(), bankCode, "测试系统").orElseThrow()).token();
    }

    /** The key id of an {@code Authorization} header value made by {@link #issue}. */
    static String keyId(String authorization) {
        return authorization.substring("Bearer ".length(), authorization.indexOf('.'));
    }
}
