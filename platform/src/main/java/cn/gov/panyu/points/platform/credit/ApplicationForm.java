package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an enterprise types to apply for a product: amount (万元), purpose and a contact. No USCC and no bank:
 * the application is always the signed-in enterprise's, to the product's bank.
 */
public record ApplicationForm(String amount, String purpose, String contactName, String contactPhone) {

    static final int MAX_PURPOSE = 500;
    static final int MAX_CONTACT = 50;
    /** A mainland mobile or landline number as people type it: digits, with spaces, '-' or a leading '+'. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{6,28}");

    /** The checked application. */
    record Checked(BigDecimal amount, String purpose, String contactName, String contactPhone) {
    }

    public static ApplicationForm blank() {
        return new ApplicationForm("", "", "", "");
    }

    /**
     * The inputs checked against {@code cap}, the most the product lends.
     *
     * @throws CreditException naming every problem at once, keyed by input
     */
    Checked check(BigDecimal cap) {
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal a = ProductForm.decimal("amount", "申请金额（万元）", amount, true, BigDecimal.ONE, cap, problems);
        String p = text("purpose", "资金用途", purpose, MAX_PURPOSE, problems);
        String n = text("contactName", "联系人", contactName, MAX_CONTACT, problems);
        String phone = contactPhone == null ? "" : contactPhone.strip();
        if (!PHONE.matcher(phone).matches()) {
            problems.put("contactPhone", "联系电话：请填写手机或座机号码，如 020-84600000");
        }
        CreditException.refuseIf(problems);
        return new Checked(a, p, n, phone);
    }

    /** A required text of at most {@code max} characters, stripped. */
    static String text(String field, String label, String value, int max, Map<String, String> problems) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            problems.put(field, label + "：不能为空");
        } else if (t.length() > max) {
            problems.put(field, label + "：最多 " + max + " 个字");
        }
        return t;
    }
}
