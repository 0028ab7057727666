package cn.gov.panyu.points.platform.collection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.platform.collection.ImportResult.Status;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Department bulk imports: validate a file against its source's template, load it (all rows, or only the
 * valid ones at the user's explicit choice), record it, and roll it back.
 *
 * <p>Loading is idempotent: the same file (source, year, SHA-256) while an earlier import of it is still
 * loaded changes nothing. Every loaded row keeps the {@code source_record} row it replaced (and, for
 * 市场监管, the registry entry) in {@code import_change}, so that a rollback restores exactly what was
 * there. Only the latest loaded import of a source and year can be rolled back — an earlier one's
 * "previous state" may since have been replaced by a later import.
 *
 * <p>Loads and rollbacks run one at a time, each in one transaction: they rewrite the same yearly
 * records, and a load numbers its batch {@code max(id) + 1} inside its transaction, so that a load that
 * fails leaves no gap in the batch numbers (an identity value, once drawn, is never given back). A load
 * started from the import page also finishes its 导入任务 ({@link ImportAttempts}) in that transaction.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class DepartmentImports {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final YearRecordMerge merge;
    private final ImportProperties properties;
    private final AuditLog audit;
    /** Asked at rollback time: the features that refer to registry entries are beans of other modules. */
    private final ObjectProvider<RegistryReferences> references;
    private final ImportAttempts attempts;
    private final TransactionTemplate transaction;
    /** Held from before a load's or rollback's transaction begins until after it has ended. */
    private final ReentrantLock loading = new ReentrantLock(true);

    DepartmentImports(JdbcClient jdbc, JdbcTemplate template, YearRecordMerge merge, ImportProperties properties,
                      AuditLog audit, ObjectProvider<RegistryReferences> references, ImportAttempts attempts,
                      PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.merge = merge;
        this.properties = properties;
        this.audit = audit;
        this.references = references;
        this.attempts = attempts;
        // null only in unit tests whose stand-in overrides every load
        this.transaction = transactions == null ? null : new TransactionTemplate(transactions);
    }

    @PreAuthorize("hasRole('STAFF')")
    public ImportPreview preview(DataSource source, int year, String fileName, byte[] content) {
        return validate(source, year, fileName, content, ImportProgress.NONE).preview();
    }

    @PreAuthorize("hasRole('STAFF')")
    public ImportResult load(DataSource source, int year, String fileName, byte[] content, boolean validRowsOnly,
                             String user) {
        return load(source, year, fileName, content, validRowsOnly, user, ImportProgress.NONE);
    }

    /** {@link #load} telling a progress bar how far it has got. */
    @PreAuthorize("hasRole('STAFF')")
    public ImportResult load(DataSource source, int year, String fileName, byte[] content, boolean validRowsOnly,
                             String user, ImportProgress progress) {
        return oneAtATime(progress, () -> loadInTransaction(source, year, fileName, content, validRowsOnly, user, progress,
                null));
    }

    /** {@link #load} for the 导入任务 {@code attemptId}, which it finishes in its own transaction. */
    @PreAuthorize("hasRole('STAFF')")
    public ImportResult load(DataSource source, int year, String fileName, byte[] content, boolean validRowsOnly,
                             String user, ImportProgress progress, long attemptId) {
        return oneAtATime(progress, () -> loadInTransaction(source, year, fileName, content, validRowsOnly, user, progress,
                attemptId));
    }

    /**
     * Waiting for another load or rollback shows as its own phase ({@link ImportJobs.Job#WAITING}). One at a
     * time in this process (the lock) and among all instances on the database (the row of
     * {@code data_import_lock}, held until the transaction ends, docs/adr/0017): loads number their batches
     * max + 1 and rebuild the same yearly records.
     */
    private <T> T oneAtATime(ImportProgress progress, Supplier<T> work) {
        if (!loading.tryLock()) {
            progress.progress(ImportJobs.Job.WAITING, 0, 0);
            loading.lock();
        }
        try {
            return transaction.execute(status -> {
                // skip locked answers at once (no row: another instance loads), where a plain wait would not tell
                if (jdbc.sql("select id from data_import_lock where id = 1 for update skip locked").query(Integer.class)
                        .optional().isEmpty()) {
                    progress.progress(ImportJobs.Job.WAITING, 0, 0);
                    jdbc.sql("select id from data_import_lock where id = 1 for update").query(Integer.class).single();
                }
                return work.get();
            });
        } finally {
            loading.unlock();
        }
    }

    private ImportResult loadInTransaction(DataSource source, int year, String fileName, byte[] content,
                                           boolean validRowsOnly, String user, ImportProgress progress, Long attemptId) {
        ImportResult result = loadRows(source, year, fileName, content, validRowsOnly, user, progress, attemptId);
        if (attemptId != null) {
            attempts.finish(attemptId, result);
        }
        return result;
    }

    private ImportResult loadRows(DataSource source, int year, String fileName, byte[] content, boolean validRowsOnly,
                                  String user, ImportProgress progress, Long attemptId) {
        Validated v = validate(source, year, fileName, content, progress);
        ImportPreview p = v.preview();
        if (p.alreadyImported() != null) {
            return new ImportResult(p.alreadyImported(), Status.ALREADY_IMPORTED, 0, 0, 0,
                    "该文件已于此前导入（导入批次 #" + p.alreadyImported() + "），本次未做任何更改", p);
        }
        if (p.fileProblem() != null || (!p.valid() && !validRowsOnly) || p.rowsValid() == 0) {
            String why = p.fileProblem() != null ? p.fileProblem()
                    : "文件有 " + p.rowsRejected() + " 行不符合规则，未导入任何数据";
            return new ImportResult(null, Status.REJECTED, 0, p.rowsRejected(), 0, why, p);
        }
        List<DepartmentFile.Row> rows = v.file().rows();
        boolean partial = !p.valid();
        long importId = insertImport(source, year, fileName, p, partial, user, attemptId);
        progress.progress("写入", 0, rows.size());
        int created = store(importId, source, year, rows, progress);
        progress.progress("合并", 0, 1);
        merge.rebuildYear(year);
        progress.progress("合并", 1, 1);
        String message = "已导入 " + rows.size() + " 行" + (partial ? "（按您的选择跳过了 " + p.rowsRejected() + " 行有误的数据）" : "")
                + (created > 0 ? "，新增企业 " + created + " 家" : "");
        audit.record(AuditAction.DATA_IMPORT, null, "导入批次 #" + importId + "：" + source.label() + " " + year + " 年《"
                + fileName + "》，" + message);
        return new ImportResult(importId, partial ? Status.LOADED_VALID_ONLY : Status.LOADED, rows.size(),
                p.rowsRejected(), created, message, p);
    }

    /**
     * Restores what the import replaced and deletes the enterprises it created when nothing else refers to
     * them.
     *
     * @throws ImportRefusedException when the import is not loaded, or a later import of the same source and
     *                                year is loaded (roll that one back first)
     */
    @PreAuthorize("hasRole('STAFF')")
    public void rollback(long importId, String user) {
        oneAtATime(ImportProgress.NONE, () -> {
            rollbackInTransaction(importId, user);
            return null;
        });
    }

    private void rollbackInTransaction(long importId, String user) {
        ImportRecord imp = find(importId);
        if (!"LOADED".equals(imp.status())) {
            throw new ImportRefusedException("导入批次 #" + importId + " 已回滚，无需再次回滚");
        }
        Long later = jdbc.sql("select max(id) from data_import where source = ? and data_year = ? and status = 'LOADED'"
                        + " and id > ?").params(imp.source().name(), imp.year(), importId)
                .query(Long.class).optional().orElse(null);
        if (later != null) {
            throw new ImportRefusedException("之后还有同一来源、同一年度的导入批次 #" + later + "，请先回滚该批次");
        }
        DataSource source = imp.source();
        List<String> touched = new ArrayList<>();
        List<Object[]> restoreRows = new ArrayList<>();
        List<Object[]> restoreRegistry = new ArrayList<>();
        template.query("select uscc, previous_row from import_change where import_id = ?", rs -> {
            String uscc = rs.getString(1).strip();
            touched.add(uscc);
            String previous = rs.getString(2);
            if (previous != null) {
                Map<String, String> values = PreviousRow.parse(previous);
                if (values.containsKey(PreviousRow.ROW_MARK)) {
                    restoreRows.add(recordParams(uscc, imp.year(), source, values));
                }
                if (values.containsKey("@name")) {
                    restoreRegistry.add(new Object[] {values.get("@name"), values.get("@town"), values.get("@industry"),
                            Date.valueOf(values.get("@established")), uscc});
                }
            }
        }, importId);
        template.batchUpdate("delete from source_record where uscc = ? and data_year = ? and source = ?",
                touched.stream().map(u -> new Object[] {u, imp.year(), source.name()}).toList());
        template.batchUpdate(insertRecordSql(source), restoreRows);
        template.batchUpdate("update enterprise set name = ?, town = ?, industry = ?, established = ?,"
                + " updated_at = current_timestamp where uscc = ?", restoreRegistry);
        jdbc.sql("update data_import set status = 'ROLLED_BACK', rolled_back_by = ?, rolled_back_at = current_timestamp"
                + " where id = ?").params(user, importId).update();
        merge.rebuildYear(imp.year());
        audit.record(AuditAction.DATA_ROLLBACK, null, "回滚导入批次 #" + importId + "：" + source.label() + " "
                + imp.year() + " 年，恢复 " + touched.size() + " 家企业的原数据");
        deleteCreatedEnterprises(importId);
    }

    /**
     * An enterprise the import created goes again unless something now refers to it: this feature's own
     * data of any source or year, or another feature's records ({@link RegistryReferences}).
     */
    private void deleteCreatedEnterprises(long importId) {
        Set<String> created = new HashSet<>(jdbc.sql("""
                        select c.uscc from import_change c where c.import_id = ? and c.created_enterprise = true
                        and not exists (select 1 from source_record s where s.uscc = c.uscc)
                        and not exists (select 1 from enterprise_year y where y.uscc = c.uscc)
                        and not exists (select 1 from data_conflict d where d.uscc = c.uscc)
                        and not exists (select 1 from data_anomaly a where a.uscc = c.uscc)""")
                .param(importId).query(String.class).list().stream().map(String::strip).toList());
        references.orderedStream().forEach(feature -> {
            if (!created.isEmpty()) {
                created.removeAll(feature.referenced(List.copyOf(created)));
            }
        });
        template.batchUpdate("delete from enterprise where uscc = ?", created.stream().map(u -> new Object[] {u}).toList());
    }

    /** One recorded import, for the list and the rollback confirmation. */
    @PreAuthorize("hasRole('STAFF')")
    public ImportRecord find(long importId) {
        return jdbc.sql(ImportRecord.SELECT + " where id = ?").param(importId).query(ImportRecord::map).optional()
                .orElseThrow(() -> new CollectionNotFoundException("import " + importId));
    }

    ImportProperties properties() {
        return properties;
    }

    /** The largest file accepted, in MB, for the upload page. */
    @PreAuthorize("hasRole('STAFF')")
    public long maxFileSizeMegabytes() {
        return properties.maxFileSize().toMegabytes();
    }

    /** The message for a file beyond the limit. */
    @PreAuthorize("hasRole('STAFF')")
    public String tooLargeMessage() {
        return properties.tooLargeMessage();
    }

    /** Writes a department's Excel template. */
    @PreAuthorize("hasRole('STAFF')")
    public void writeTemplate(DataSource source, java.io.OutputStream out) throws java.io.IOException {
        DepartmentTemplates.write(source, out);
    }

    // ---- validation ----

    private record Validated(ImportPreview preview, DepartmentFile.Result file) {
    }

    private Validated validate(DataSource source, int year, String fileName, byte[] content, ImportProgress progress) {
        if (!source.department()) {
            throw new IllegalArgumentException("企业填报数据不通过批量导入: " + source);
        }
        String sha256 = sha256(content);
        if (content.length > properties.maxFileSize().toBytes()) {
            return fileProblem(source, year, fileName, sha256, properties.tooLargeMessage());
        }
        TableReader.Table table = TableReader.read(content, (done, total) -> progress.progress("读取文件", done, total));
        progress.progress("校验", 0, table.rows().size());
        Set<String> registered = source == DataSource.MARKET ? Set.of() : registeredEnterprises();
        DepartmentFile.Result file = new DepartmentFile(source, year, registered::contains).validate(table);
        Long already = jdbc.sql("select max(id) from data_import where source = ? and data_year = ? and file_sha256 = ?"
                        + " and status = 'LOADED'").params(source.name(), year, sha256)
                .query(Long.class).optional().orElse(null);
        ImportPreview preview = new ImportPreview(source, year, fileName, sha256, file.rowsTotal(), file.rows().size(),
                file.violations(), file.violationCount(), file.groups(), already, file.fileProblem());
        return new Validated(preview, file);
    }

    private static Validated fileProblem(DataSource source, int year, String fileName, String sha256, String problem) {
        ImportPreview preview = new ImportPreview(source, year, fileName, sha256, 0, 0,
                List.of(new ImportPreview.RowViolation(0, "", null, problem)), 1, List.of(), null, problem);
        return new Validated(preview, new DepartmentFile.Result(List.of(), 0, preview.violations(), 1, List.of(), problem));
    }

    private Set<String> registeredEnterprises() {
        Set<String> codes = new HashSet<>();
        template.query("select uscc from enterprise", rs -> {
            codes.add(rs.getString(1).strip());
        });
        return codes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---- storing ----

    /**
     * The batch gets the next number in the load's own transaction: loads run one at a time, and a load
     * whose transaction fails uses up no number (an identity would have).
     */
    private long insertImport(DataSource source, int year, String fileName, ImportPreview p, boolean partial,
                              String user, Long attemptId) {
        long id = jdbc.sql("select coalesce(max(id), 0) + 1 from data_import").query(Long.class).single();
        jdbc.sql("insert into data_import (id, source, data_year, file_name, file_sha256, mode, status, rows_total,"
                        + " rows_loaded, rows_rejected, imported_by, attempt_id) values (?, ?, ?, ?, ?, ?, 'LOADED', ?, ?, ?, ?, ?)")
                .params(id, source.name(), year, truncate(fileName, 255), p.sha256(), partial ? "VALID_ONLY" : "ALL",
                        p.rowsTotal(), p.rowsValid(), p.rowsRejected(), user, new SqlParameterValue(Types.BIGINT, attemptId))
                .update();
        return id;
    }

    static String truncate(String s, int max) {
        String t = s == null || s.isBlank() ? "(未命名文件)" : s;
        return t.length() <= max ? t : t.substring(0, max);
    }

    /** Writes the rows; returns how many enterprises were created. */
    private int store(long importId, DataSource source, int year, List<DepartmentFile.Row> rows,
                      ImportProgress progress) {
        List<RecordField> fields = RecordField.of(source.fields());
        Map<String, String> previousRecords = new HashMap<>();
        template.query("select * from source_record where data_year = ? and source = ?", rs -> {
            StringJoiner sj = new StringJoiner(";");
            sj.add(PreviousRow.ROW_MARK + "=1");
            long previousImport = rs.getLong("import_id");
            if (!rs.wasNull()) {
                sj.add(PreviousRow.entry(PreviousRow.IMPORT_ID, Long.toString(previousImport)));
            }
            for (RecordField f : fields) {
                Object v = YearRecordMerge.value(rs, f);
                if (v != null) {
                    sj.add(PreviousRow.entry(f.column(), YearRecordMerge.text(v)));
                }
            }
            previousRecords.put(rs.getString("uscc").strip(), sj.toString());
        }, year, source.name());
        Map<String, String[]> registry = new HashMap<>();
        if (source == DataSource.MARKET) {
            template.query("select uscc, name, town, industry, established from enterprise", rs -> {
                registry.put(rs.getString(1).strip(), new String[] {rs.getString(2), rs.getString(3).strip(),
                        rs.getString(4).strip(), rs.getDate(5).toLocalDate().toString()});
            });
        }
        List<Object[]> newEnterprises = new ArrayList<>();
        List<Object[]> changedEnterprises = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>(rows.size());
        List<Object[]> changes = new ArrayList<>(rows.size());
        for (DepartmentFile.Row r : rows) {
            StringJoiner previous = new StringJoiner(";");
            String previousRecord = previousRecords.get(r.uscc());
            if (previousRecord != null) {
                previous.add(previousRecord);
                deletes.add(new Object[] {r.uscc(), year, source.name()});
            }
            boolean created = false;
            if (source == DataSource.MARKET) {
                String[] old = registry.get(r.uscc());
                if (old == null) {
                    created = true;
                    newEnterprises.add(new Object[] {r.uscc(), r.name(), r.town(), r.industry(), Date.valueOf(r.established())});
                } else {
                    previous.add(PreviousRow.entry("@name", old[0])).add(PreviousRow.entry("@town", old[1]))
                            .add(PreviousRow.entry("@industry", old[2])).add(PreviousRow.entry("@established", old[3]));
                    if (!old[0].equals(r.name()) || !old[1].equals(r.town()) || !old[2].equals(r.industry())
                            || !old[3].equals(r.established().toString())) {
                        changedEnterprises.add(new Object[] {r.name(), r.town(), r.industry(),
                                Date.valueOf(r.established()), r.uscc()});
                    }
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put(PreviousRow.ROW_MARK, "1");
            for (int i = 0; i < fields.size(); i++) {
                if (r.values()[i] != null) {
                    values.put(fields.get(i).column(), YearRecordMerge.text(r.values()[i]));
                }
            }
            Object[] params = recordParams(r.uscc(), year, source, values);
            params[params.length - 1] = importId;
            inserts.add(params);
            String prev = previous.length() == 0 ? null : previous.toString();
            changes.add(new Object[] {importId, r.uscc(), year, source.name(), created, prev});
        }
        template.batchUpdate("insert into enterprise (uscc, name, town, industry, established) values (?, ?, ?, ?, ?)",
                newEnterprises);
        template.batchUpdate("update enterprise set name = ?, town = ?, industry = ?, established = ?,"
                + " updated_at = current_timestamp where uscc = ?", changedEnterprises);
        template.batchUpdate("delete from source_record where uscc = ? and data_year = ? and source = ?", deletes);
        String insert = insertRecordSql(source);
        int batch = 5_000;
        for (int from = 0; from < inserts.size(); from += batch) {
            template.batchUpdate(insert, inserts.subList(from, Math.min(inserts.size(), from + batch)));
            progress.progress("写入", Math.min(inserts.size(), from + batch), inserts.size());
        }
        template.batchUpdate("insert into import_change (import_id, uscc, data_year, source, created_enterprise,"
                + " previous_row) values (?, ?, ?, ?, ?, ?)", changes);
        return newEnterprises.size();
    }

    private static String insertRecordSql(DataSource source) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (String c : source.fields()) {
            columns.add(c);
            marks.add("?");
        }
        return "insert into source_record (uscc, data_year, source, " + columns + ", import_id) values (?, ?, ?, "
                + marks + ", ?)";
    }

    /** Parameters for {@link #insertRecordSql}: typed values from their text; import id last (null here). */
    private static Object[] recordParams(String uscc, int year, DataSource source, Map<String, String> values) {
        List<RecordField> fields = RecordField.of(source.fields());
        Object[] params = new Object[fields.size() + 4];
        params[0] = uscc;
        params[1] = year;
        params[2] = source.name();
        for (int i = 0; i < fields.size(); i++) {
            String text = values.get(fields.get(i).column());
            RecordField f = fields.get(i);
            params[3 + i] = text == null ? new SqlParameterValue(f.sqlType(), null) : f.columnValue(text);
        }
        String importId = values.get(PreviousRow.IMPORT_ID);
        params[params.length - 1] = importId != null ? (Object) Long.parseLong(importId)
                : new SqlParameterValue(Types.BIGINT, null);
        return params;
    }
}
