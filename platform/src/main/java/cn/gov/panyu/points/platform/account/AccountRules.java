package cn.gov.panyu.points.platform.account;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;

/**
 * The checks an account must pass however it is made (by an administrator or by an enterprise's own
 * registration): a usable username, and a data scope that exists — an enterprise of the registry, a
 * well-formed bank code. Each failure names its form field.
 */
@Component
class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,31}");
    private static final Pattern BANK_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    AccountRules(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** @return the username, stripped; it must be new (ignoring case, so "Admin" cannot pose as "admin") */
    String newUsername(String username) {
        String u = username == null ? "" : username.strip();
        if (!USERNAME.matcher(u).matches()) {
            throw new AccountException("username", "用户名须为 3–32 位英文字母、数字或 _ . -，以字母或数字开头。");
        }
        if (accounts.exists(u)) {
            throw new AccountException("username", "用户名“" + u + "”已被使用，请换一个。");
        }
        return u;
    }

    static String required(String field, String value, String label, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new AccountException(field, "请填写" + label + "。");
        }
        if (v.length() > max) {
            throw new AccountException(field, label + "不能超过 " + max + " 个字符。");
        }
        return v;
    }

    /** @return the enterprise's registered name; the code must be valid and in the enterprise registry */
    String enterprise(String uscc) {
        String code = uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new AccountException("uscc", "请填写统一社会信用代码。");
        }
        String problem = UnifiedSocialCreditCode.problem(code);
        if (problem != null) {
            throw new AccountException("uscc", "统一社会信用代码有误：" + problem + "。");
        }
        return jdbc.sql("select name from enterprise where uscc = :uscc").param("uscc", code).query(String.class)
                .optional().orElseThrow(() -> new AccountException("uscc",
                        "企业名录中没有统一社会信用代码为 " + code + " 的企业。请核对代码；新设立的企业待部门数据导入后再注册。"));
    }

    static String normalisedUscc(String uscc) {
        return uscc == null ? null : uscc.strip().toUpperCase(Locale.ROOT);
    }

    static String bankCode(String bankCode) {
        String code = bankCode == null ? "" : bankCode.strip().toUpperCase(Locale.ROOT);
        if (!BANK_CODE.matcher(code).matches()) {
            throw new AccountException("bankCode", "请填写金融机构代码：2–32 位英文字母、数字或连字符。");
        }
        return code;
    }

    /** Checks the binding a role needs. @return {uscc, bankCode}, the one the role does not use null */
    String[] binding(Role role, String uscc, String bankCode) {
        if (role == null) {
            throw new AccountException("role", "请选择角色。");
        }
        return switch (role) {
            case ENTERPRISE -> {
                enterprise(uscc);
                yield new String[] {normalisedUscc(uscc), null};
            }
            case BANK -> new String[] {null, bankCode(bankCode)};
            default -> new String[] {null, null};
        };
    }
}
