package cn.gov.panyu.points.platform.declaration;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.input.Problem;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * The enterprise's side of 企业填报: its declarations by year, the form (save draft, submit), and its
 * evidence. Every method takes the signed-in user and binds the user's own USCC into every query, so
 * that no id in a URL or form can reach another enterprise's declaration.
 */
@Service
@PreAuthorize("hasRole('ENTERPRISE')")
public class Declarations {

    /** The list page: the years the enterprise can declare, each with its declaration if there is one. */
    public record Overview(String enterpriseName, List<YearEntry> years) {
    }

    public record YearEntry(int year, DeclarationSummary declaration, boolean open) {
    }

    /** The outcome of saving or submitting: field column → Chinese message; empty when it was saved. */
    public record Outcome(Map<String, String> errors) {
        public boolean saved() {
            return errors.isEmpty();
        }
    }

    /** A file to send back, with the name the user gave it. */
    public record Download(String fileName, AttachmentType type, long size, Resource content) {
    }

    private final DeclarationRepository repository;
    private final DeclarationFields fields;
    private final AttachmentStore files;
    private final DeclarationProperties properties;
    private final AuditLog audit;

    Declarations(DeclarationRepository repository, DeclarationFields fields, AttachmentStore files,
                 DeclarationProperties properties, AuditLog audit) {
        this.repository = repository;
        this.fields = fields;
        this.files = files;
        this.properties = properties;
        this.audit = audit;
    }

    /** The years open for declaring, newest first: last year and the ones before it. */
    public List<Integer> openYears() {
        int last = Year.now().getValue() - 1;
        return IntStream.range(0, properties.yearsOpen()).map(i -> last - i).boxed().toList();
    }

    public Overview mine(PlatformUser user) {
        String uscc = uscc(user);
        Map<Integer, DeclarationSummary> existing = repository.ofEnterprise(uscc).stream()
                .collect(Collectors.toMap(DeclarationSummary::year, Function.identity()));
        Set<Integer> years = new LinkedHashSet<>(openYears());
        years.addAll(existing.keySet());
        List<YearEntry> entries = years.stream().sorted(Comparator.reverseOrder())
                .map(y -> new YearEntry(y, existing.get(y), openYears().contains(y))).toList();
        return new Overview(repository.enterpriseName(uscc).orElse(null), entries);
    }

    /** The declaration of a year (an empty one if nothing was saved yet); 404 for a year not open. */
    public DeclarationDetail open(PlatformUser user, int year) {
        String uscc = uscc(user);
        String name = repository.enterpriseName(uscc).orElse(null);
        return repository.find(uscc, year).map(row -> repository.detail(row, name)).orElseGet(() -> {
            if (!openYears().contains(year)) {
                throw new DeclarationNotFoundException();
            }
            return new DeclarationDetail(null, uscc, name, year, null, null, null, null, null, null, Map.of(),
                    name == null ? Map.of() : repository.departmentValues(uscc, year),
                    name == null ? Map.of() : repository.mergedValues(uscc, year), List.of(), List.of());
        });
    }

    /** Saves the form as a draft; nothing is saved when any field breaks a rule. */
    @Transactional
    public Outcome save(PlatformUser user, int year, Map<String, String> raw, List<String> qualifications) {
        return write(user, year, raw, qualifications, false);
    }

    /** Saves the form and submits it for review; nothing changes when any field breaks a rule. */
    @Transactional
    public Outcome submit(PlatformUser user, int year, Map<String, String> raw, List<String> qualifications) {
        return write(user, year, raw, qualifications, true);
    }

    private Outcome write(PlatformUser user, int year, Map<String, String> raw, List<String> qualifications,
                         boolean submitting) {
        DeclarationFields.Checked checked = fields.check(raw, qualifications, submitting);
        if (!checked.valid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            Locale locale = LocaleContextHolder.getLocale();
            checked.errors().forEach((field, problem) -> errors.put(field, text(problem, locale)));
            return new Outcome(errors);
        }
        LocalDateTime now = LocalDateTime.now();
        DeclarationRepository.Row row = editableDeclaration(user, year, now);
        Map<String, String> before = repository.values(row.id());
        List<DeclarationDetail.Change> changes = changes(before, checked.values());
        if (!repository.touchEditable(row.id(), user.username(), now)) {
            throw new DeclarationException("notEditable");
        }
        if (!changes.isEmpty()) {
            repository.replaceValues(row.id(), checked.values());
        }
        if (submitting) {
            if (!repository.submit(row.id(), row.status(), user.username(), now)) {
                throw new DeclarationException("notEditable");
            }
            repository.event(row.id(), "SUBMITTED", row.status(), DeclarationStatus.SUBMITTED, null,
                    user.username(), user.role().name(), now, changes);
            audit.record(AuditAction.DECLARATION_CHANGE, row.uscc(), "提交 " + year + " 年度填报（#" + row.id() + "）待审核，"
                    + changes.size() + " 项更改");
        } else if (!changes.isEmpty()) {
            repository.event(row.id(), "SAVED", row.status(), row.status(), null, user.username(),
                    user.role().name(), now, changes);
            audit.record(AuditAction.DECLARATION_CHANGE, row.uscc(), "保存 " + year + " 年度填报草稿（#" + row.id() + "），"
                    + changes.size() + " 项更改");
        }
        return new Outcome(Map.of());
    }

    /** Adds an evidence file to the year's declaration (creating a draft if there is none yet). */
    @Transactional
    public void attach(PlatformUser user, int year, String fileName, InputStream content) {
        LocalDateTime now = LocalDateTime.now();
        DeclarationRepository.Row row = editableDeclaration(user, year, now);
        if (repository.attachments(row.id()).size() >= properties.maxAttachments()) {
            throw new DeclarationException("tooManyAttachments", properties.maxAttachments());
        }
        String shownName = displayName(fileName);
        AttachmentStore.Stored stored = files.store(shownName, content);
        try {
            repository.addAttachment(row.id(), shownName, stored, user.username(), now);
            repository.event(row.id(), "ATTACHMENT_ADDED", null, null, shownName, user.username(),
                    user.role().name(), now, List.of());
            audit.record(AuditAction.DECLARATION_CHANGE, row.uscc(), "上传 " + year + " 年度填报证明材料《" + shownName + "》");
        } catch (RuntimeException e) {
            files.delete(stored.storedName());
            throw e;
        }
    }

    @Transactional
    public void detach(PlatformUser user, int year, long attachmentId) {
        LocalDateTime now = LocalDateTime.now();
        DeclarationRepository.Row row = repository.find(uscc(user), year).orElseThrow(DeclarationNotFoundException::new);
        DeclarationRepository.AttachmentRow attachment = repository.attachment(row.id(), attachmentId)
                .orElseThrow(DeclarationNotFoundException::new);
        if (!row.status().editable()) {
            throw new DeclarationException("notEditable");
        }
        repository.deleteAttachment(attachmentId);
        repository.event(row.id(), "ATTACHMENT_REMOVED", null, null, attachment.attachment().fileName(),
                user.username(), user.role().name(), now, List.of());
        audit.record(AuditAction.DECLARATION_CHANGE, row.uscc(), "删除 " + year + " 年度填报证明材料《"
                + attachment.attachment().fileName() + "》");
        files.delete(attachment.storedName());
    }

    public Download download(PlatformUser user, int year, long attachmentId) {
        DeclarationRepository.Row row = repository.find(uscc(user), year).orElseThrow(DeclarationNotFoundException::new);
        DeclarationRepository.AttachmentRow a = repository.attachment(row.id(), attachmentId)
                .orElseThrow(DeclarationNotFoundException::new);
        return download(a, files);
    }

    static Download download(DeclarationRepository.AttachmentRow a, AttachmentStore files) {
        DeclarationDetail.Attachment meta = a.attachment();
        return new Download(meta.fileName(), meta.type(), meta.size(), files.open(a.storedName()));
    }

    private DeclarationRepository.Row editableDeclaration(PlatformUser user, int year, LocalDateTime now) {
        String uscc = uscc(user);
        DeclarationRepository.Row row = repository.find(uscc, year).orElseGet(() -> {
            if (!openYears().contains(year)) {
                throw new DeclarationNotFoundException();
            }
            if (repository.enterpriseName(uscc).isEmpty()) {
                throw new DeclarationException("enterpriseUnknown");
            }
            long id = repository.create(uscc, year, user.username(), now);
            repository.event(id, "CREATED", null, DeclarationStatus.DRAFT, null, user.username(),
                    user.role().name(), now, List.of());
            return repository.find(id).orElseThrow();
        });
        if (!row.status().editable()) {
            throw new DeclarationException("notEditable");
        }
        return row;
    }

    /** The fields whose value changed, in form order. */
    static List<DeclarationDetail.Change> changes(Map<String, String> before, Map<String, String> after) {
        List<DeclarationDetail.Change> changes = new ArrayList<>();
        for (RecordField field : DeclarationFields.FIELDS) {
            String old = before.get(field.column());
            String now = after.get(field.column());
            if (!Objects.equals(old, now)) {
                changes.add(new DeclarationDetail.Change(field.column(), old, now));
            }
        }
        return changes;
    }

    /** The file name as shown: its last path segment, without control characters, at most 200 chars. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "附件" : name;
    }

    /**
     * A field rule in the page's language. The engine words each rule in Chinese and English, so that the
     * form shows the very text the imports and the command line show; the UI is Chinese today
     * ({@code spring.web.locale}), English is kept for the language switch the message bundles allow for.
     */
    static String text(Problem problem, Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? problem.zh() : problem.en();
    }

    private static String uscc(PlatformUser user) {
        if (user == null || user.uscc() == null || user.uscc().isBlank()) {
            throw new AccessDeniedException("no enterprise bound to this account");
        }
        return user.uscc();
    }
}
