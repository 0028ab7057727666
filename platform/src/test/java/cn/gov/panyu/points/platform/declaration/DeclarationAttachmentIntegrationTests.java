package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/** Evidence files: the allowed types by content, the size limit, storage under random names, who may download. */
@PlatformIntegrationTest
class DeclarationAttachmentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Value("${points.data-dir}")
    String dataDir;

    String uscc;
    final int year = DeclarationTestData.year();

    @BeforeEach
    void enterprise() {
        uscc = DeclarationTestData.enterprise(jdbc, "番禺附件测试有限公司");
    }

    private ResultActions upload(String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/declarations/" + year + "/attachments")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(TestUsers.enterprise(uscc)).with(csrf()));
    }

    private List<Long> attachmentIds() {
        return jdbc.sql("""
                        select a.id from declaration_attachment a join declaration d on d.id = a.declaration_id
                        where d.uscc = :u order by a.id""").param("u", uscc).query(Long.class).list();
    }

    @Test
    void aPdfIsStoredUnderARandomNameAndComesBackByteForByteToItsOwnerAndToStaff() throws Exception {
        upload("../../营业执照.pdf", AttachmentTypeTests.PDF)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "declaration.notice.attached"));

        long id = attachmentIds().get(0);
        String stored = jdbc.sql("select stored_name from declaration_attachment where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(Files.readAllBytes(Path.of(dataDir, "attachments", stored))).isEqualTo(AttachmentTypeTests.PDF);

        byte[] mine = mvc.perform(get("/declarations/" + year + "/attachments/" + id).with(TestUsers.enterprise(uscc)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(mine).isEqualTo(AttachmentTypeTests.PDF);

        long declaration = jdbc.sql("select id from declaration where uscc = :u").param("u", uscc).query(Long.class).single();
        mvc.perform(get("/declarations/review/" + declaration + "/attachments/" + id).with(TestUsers.staff()))
                .andExpect(status().isOk());

        String page = mvc.perform(get("/declarations/" + year).with(TestUsers.enterprise(uscc)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("营业执照.pdf", "上传附件").doesNotContain("../");
    }

    @Test
    void imagesAndWorkbooksAreAccepted() throws Exception {
        upload("证书.png", AttachmentTypeTests.PNG).andExpect(flash().attribute("notice", "declaration.notice.attached"));
        upload("照片.JPG", AttachmentTypeTests.JPG).andExpect(flash().attribute("notice", "declaration.notice.attached"));
        upload("明细.xlsx", AttachmentTypeTests.xlsx()).andExpect(flash().attribute("notice", "declaration.notice.attached"));

        assertThat(attachmentIds()).hasSize(3);
    }

    @Test
    void otherTypesAndRenamedFilesAreRefusedWithAChineseMessage() throws Exception {
        upload("setup.exe", new byte[] {'M', 'Z', 0, 0})
                .andExpect(flash().attribute("problem", "仅支持 PDF、JPG、PNG、XLSX 格式的文件。"));
        upload("审计报告.pdf", "<html><script>alert(1)</script></html>".getBytes())
                .andExpect(flash().attribute("problem", "文件内容不是有效的 PDF 文件，请检查文件是否损坏或扩展名是否正确。"));
        upload("照片.png", AttachmentTypeTests.JPG)
                .andExpect(flash().attribute("problem", "文件内容不是有效的 PNG 文件，请检查文件是否损坏或扩展名是否正确。"));
        upload("明细.xlsx", AttachmentTypeTests.zip("payload.exe"))
                .andExpect(flash().attribute("problem", "文件内容不是有效的 XLSX 文件，请检查文件是否损坏或扩展名是否正确。"));
        upload("空.pdf", new byte[0]).andExpect(flash().attribute("problem", "请先选择要上传的文件。"));

        assertThat(attachmentIds()).isEmpty();
    }

    @Test
    void aFileOverTheConfiguredLimitIsRefusedAndNothingIsLeftOnDisk() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(AttachmentTypeTests.PDF, 0, big, 0, AttachmentTypeTests.PDF.length);
        long filesBefore = countFiles();

        upload("大文件.pdf", big)
                .andExpect(flash().attribute("problem", "文件超过 10 MB 的大小限制，请压缩或拆分后再上传。"));

        assertThat(attachmentIds()).isEmpty();
        assertThat(countFiles()).isEqualTo(filesBefore);

        byte[] justFits = new byte[10 * 1024 * 1024];
        System.arraycopy(AttachmentTypeTests.PDF, 0, justFits, 0, AttachmentTypeTests.PDF.length);
        upload("刚好.pdf", justFits).andExpect(flash().attribute("notice", "declaration.notice.attached"));
    }

    private long countFiles() throws Exception {
        Path dir = Path.of(dataDir, "attachments");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void anAttachmentCanBeDeletedWhileEditableButNotOnceSubmitted() throws Exception {
        upload("a.pdf", AttachmentTypeTests.PDF);
        upload("b.pdf", AttachmentTypeTests.PDF);
        List<Long> ids = attachmentIds();

        mvc.perform(post("/declarations/" + year + "/attachments/" + ids.get(0) + "/delete")
                        .with(TestUsers.enterprise(uscc)).with(csrf()))
                .andExpect(flash().attribute("notice", "declaration.notice.detached"));
        assertThat(attachmentIds()).containsExactly(ids.get(1));

        mvc.perform(post("/declarations/" + year + "/submit").param("values[revenue_y0]", "10")
                .param("values[employees]", "2").with(TestUsers.enterprise(uscc)).with(csrf()));
        mvc.perform(post("/declarations/" + year + "/attachments/" + ids.get(1) + "/delete")
                        .with(TestUsers.enterprise(uscc)).with(csrf()))
                .andExpect(flash().attribute("problem", "该填报已提交或已审核通过，当前不能修改。"));
        upload("c.pdf", AttachmentTypeTests.PDF)
                .andExpect(flash().attribute("problem", "该填报已提交或已审核通过，当前不能修改。"));
        assertThat(attachmentIds()).containsExactly(ids.get(1));

        List<String> events = jdbc.sql("""
                        select e.kind from declaration_event e join declaration d on d.id = e.declaration_id
                        where d.uscc = :u order by e.id""").param("u", uscc).query(String.class).list();
        assertThat(events).containsExactly("CREATED", "ATTACHMENT_ADDED", "ATTACHMENT_ADDED", "ATTACHMENT_REMOVED",
                "SUBMITTED");
    }
}
