package cn.gov.panyu.points.platform.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;

/** Department files and USCCs for collection tests. */
final class CollectionFixtures {

    /** Each test class takes its own range so that tests sharing the database never collide. */
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private CollectionFixtures() {
    }

    /** A fresh valid USCC that no other test uses. */
    static String uscc() {
        String body = String.format("91440113%09d", NEXT.incrementAndGet() % 1_000_000_000L);
        return body + UnifiedSocialCreditCode.checkCharacter(body);
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(Charset charset, String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(charset);
    }

    static String marketHeader() {
        return "统一社会信用代码,企业名称,所属镇街,行业代码,成立日期,负面情形";
    }

    static String market(String uscc, String name) {
        return uscc + "," + name + ",南村镇,C39,2015-06-30,";
    }

    static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "tests", "1.0");
            Worksheet ws = wb.newWorksheet("数据");
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null) {
                        ws.value(r + 1, c, v.toString());
                    }
                }
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs service calls as a staff member (services check roles themselves). */
    static void signInAsStaff() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "staff", "", AuthorityUtils.createAuthorityList("ROLE_STAFF")));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
