package cn.gov.panyu.points.platform.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters with letters and digits, and not
 * containing the username. Every rule a password misses is named at once, so that a user fixes it in one
 * go rather than one refusal at a time.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes; a longer password would silently not count beyond them. */
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    /** The rules {@code password} misses, in Chinese; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> missing = new ArrayList<>();
        String p = password == null ? "" : password;
        if (p.length() < MIN_LENGTH) {
            missing.add("至少 " + MIN_LENGTH + " 个字符（当前 " + p.length() + " 个）");
        }
        if (p.length() > MAX_LENGTH) {
            missing.add("不超过 " + MAX_LENGTH + " 个字符");
        }
        if (p.chars().noneMatch(c -> c < 128 && Character.isLetter(c))) {
            missing.add("包含英文字母");
        }
        if (p.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            missing.add("包含数字");
        }
        if (username != null && !username.isBlank()
                && p.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            missing.add("不包含用户名");
        }
        return missing;
    }

    /** One sentence for a form: "密码须：至少 10 个字符；包含数字". */
    public static String message(List<String> problems) {
        return "密码须：" + String.join("；", problems) + "。";
    }

    /** @throws AccountException naming every rule the password misses */
    static void check(String username, String password) {
        List<String> problems = problems(username, password);
        if (!problems.isEmpty()) {
            throw new AccountException("password", message(problems));
        }
    }
}
