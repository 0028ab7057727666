package cn.gov.panyu.points.platform.declaration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.collection.RegistryReferences;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The declaration tables (V8), plus the reads of {@code source_record}/{@code enterprise_year} the
 * review needs and the write of the SELF source row on approval. Column names that are concatenated
 * into SQL come only from {@link RecordField}, never from a request. An enterprise with a declaration stays
 * in the registry ({@link RegistryReferences}).
 */
@Repository
class DeclarationRepository implements RegistryReferences {

    /** A declaration row. */
    record Row(long id, String uscc, int year, DeclarationStatus status, String reviewComment,
               String reviewedBy, LocalDateTime reviewedAt, LocalDateTime submittedAt, LocalDateTime updatedAt) {
    }

    /** An attachment row with its file's stored name. */
    record AttachmentRow(DeclarationDetail.Attachment attachment, String storedName) {
    }

    /** Review queue filters; status null = every status, year null = every year. */
    record QueueFilter(DeclarationStatus status, Integer year, String keyword) {
    }

    /** The queue's sortable columns: request keys → SQL, the only way a sort reaches the query. */
    static final Map<String, String> QUEUE_SORT = Map.of(
            "name", "e.name", "uscc", "d.uscc", "year", "d.data_year", "status", "d.status",
            "submitted", "d.submitted_at", "updated", "d.updated_at");

    private static final String ROW_COLUMNS = "id, uscc, data_year, status, review_comment, reviewed_by, "
            + "reviewed_at, submitted_at, updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    DeclarationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    @Override
    public Set<String> referenced(Collection<String> usccs) {
        return RegistryReferences.query(jdbc, "select uscc from declaration where uscc in (:usccs)", usccs);
    }

    Optional<String> enterpriseName(String uscc) {
        return jdbc.sql("select name from enterprise where uscc = :uscc").param("uscc", uscc)
                .query(String.class).optional();
    }

    Optional<Row> find(String uscc, int year) {
        return jdbc.sql("select " + ROW_COLUMNS + " from declaration where uscc = :uscc and data_year = :year")
                .param("uscc", uscc).param("year", year).query(DeclarationRepository::row).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + ROW_COLUMNS + " from declaration where id = :id")
                .param("id", id).query(DeclarationRepository::row).optional();
    }

    long create(String uscc, int year, String actor, LocalDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into declaration (uscc, data_year, status, created_by, created_at, updated_by, updated_at)
                        values (:uscc, :year, 'DRAFT', :actor, :now, :actor, :now)""")
                .param("uscc", uscc).param("year", year).param("actor", actor).param("now", now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Map<String, String> values(long id) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select field, field_value from declaration_value where declaration_id = :id")
                .param("id", id).query(rs -> {
                    values.put(rs.getString("field"), rs.getString("field_value"));
                });
        return values;
    }

    void replaceValues(long id, Map<String, String> values) {
        jdbc.sql("delete from declaration_value where declaration_id = :id").param("id", id).update();
        SqlParameterSource[] batch = values.entrySet().stream()
                .map(e -> new MapSqlParameterSource().addValue("id", id).addValue("field", e.getKey())
                        .addValue("value", e.getValue()))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("insert into declaration_value (declaration_id, field, field_value) values (:id, :field, :value)",
                batch);
    }

    /** Marks an edit by the enterprise; false when the declaration is no longer editable. */
    boolean touchEditable(long id, String actor, LocalDateTime now) {
        return jdbc.sql("""
                        update declaration set updated_by = :actor, updated_at = :now
                        where id = :id and status in ('DRAFT', 'RETURNED')""")
                .param("id", id).param("actor", actor).param("now", now).update() == 1;
    }

    /** Enterprise submits; false when the status was not {@code from} any more. */
    boolean submit(long id, DeclarationStatus from, String actor, LocalDateTime now) {
        return jdbc.sql("""
                        update declaration set status = 'SUBMITTED', submitted_at = :now, updated_by = :actor,
                               updated_at = :now
                        where id = :id and status = :from""")
                .param("id", id).param("from", from.name()).param("actor", actor).param("now", now).update() == 1;
    }

    /** Staff approve or return a submission; false when it was not SUBMITTED any more. */
    boolean review(long id, DeclarationStatus to, String comment, String actor, LocalDateTime now) {
        return jdbc.sql("""
                        update declaration set status = :to, review_comment = :comment, reviewed_by = :actor,
                               reviewed_at = :now, updated_by = :actor, updated_at = :now
                        where id = :id and status = 'SUBMITTED'""")
                .param("id", id).param("to", to.name()).param("comment", comment).param("actor", actor)
                .param("now", now).update() == 1;
    }

    void event(long declarationId, String kind, DeclarationStatus from, DeclarationStatus to, String note,
               String actor, String actorRole, LocalDateTime now, List<DeclarationDetail.Change> changes) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into declaration_event (declaration_id, kind, from_status, to_status, note, actor,
                                                       actor_role, created_at)
                        values (:id, :kind, :from, :to, :note, :actor, :role, :now)""")
                .param("id", declarationId).param("kind", kind)
                .param("from", from == null ? null : from.name(), Types.VARCHAR)
                .param("to", to == null ? null : to.name(), Types.VARCHAR)
                .param("note", note, Types.VARCHAR).param("actor", actor).param("role", actorRole).param("now", now)
                .update(key, "id");
        long eventId = key.getKey().longValue();
        SqlParameterSource[] batch = changes.stream()
                .map(c -> new MapSqlParameterSource().addValue("event", eventId).addValue("field", c.field())
                        .addValue("old", c.oldValue(), Types.VARCHAR).addValue("new", c.newValue(), Types.VARCHAR))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("insert into declaration_change (event_id, field, old_value, new_value) "
                + "values (:event, :field, :old, :new)", batch);
    }

    List<DeclarationDetail.Event> history(long declarationId) {
        Map<Long, List<DeclarationDetail.Change>> changes = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.event_id, c.field, c.old_value, c.new_value from declaration_change c
                        join declaration_event e on e.id = c.event_id where e.declaration_id = :id""")
                .param("id", declarationId).query(rs -> {
                    changes.computeIfAbsent(rs.getLong("event_id"), k -> new ArrayList<>())
                            .add(new DeclarationDetail.Change(rs.getString("field"), rs.getString("old_value"),
                                    rs.getString("new_value")));
                });
        List<String> order = DeclarationFields.FIELDS.stream().map(RecordField::column).toList();
        changes.values().forEach(list -> list.sort(Comparator.comparingInt(c -> order.indexOf(c.field()))));
        return jdbc.sql("""
                        select id, kind, from_status, to_status, note, actor, actor_role, created_at
                        from declaration_event where declaration_id = :id order by id desc""")
                .param("id", declarationId)
                .query((rs, n) -> new DeclarationDetail.Event(rs.getLong("id"), rs.getString("kind"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("note"),
                        rs.getString("actor"), rs.getString("actor_role"), time(rs, "created_at"),
                        changes.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    // ---- attachments ----

    long addAttachment(long declarationId, String fileName, AttachmentStore.Stored stored, String actor,
                       LocalDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into declaration_attachment (declaration_id, file_name, stored_name, file_type,
                                                            size_bytes, sha256, uploaded_by, uploaded_at)
                        values (:id, :fileName, :stored, :type, :size, :sha, :actor, :now)""")
                .param("id", declarationId).param("fileName", fileName).param("stored", stored.storedName())
                .param("type", stored.type().name()).param("size", stored.size()).param("sha", stored.sha256())
                .param("actor", actor).param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    List<AttachmentRow> attachments(long declarationId) {
        return jdbc.sql("""
                        select id, file_name, stored_name, file_type, size_bytes, uploaded_by, uploaded_at
                        from declaration_attachment where declaration_id = :id order by id""")
                .param("id", declarationId).query(DeclarationRepository::attachment).list();
    }

    /** The attachment, only if it belongs to that declaration. */
    Optional<AttachmentRow> attachment(long declarationId, long attachmentId) {
        return jdbc.sql("""
                        select id, file_name, stored_name, file_type, size_bytes, uploaded_by, uploaded_at
                        from declaration_attachment where id = :attachment and declaration_id = :id""")
                .param("attachment", attachmentId).param("id", declarationId)
                .query(DeclarationRepository::attachment).optional();
    }

    void deleteAttachment(long attachmentId) {
        jdbc.sql("delete from declaration_attachment where id = :id").param("id", attachmentId).update();
    }

    // ---- the other sources and the merged record ----

    /** What the departments reported for the year, field by field, each from the department owning it. */
    Map<String, DeclarationDetail.Sourced> departmentValues(String uscc, int year) {
        Map<String, DeclarationDetail.Sourced> values = new LinkedHashMap<>();
        List<Map<String, Object>> rows = jdbc.sql(
                        "select * from source_record where uscc = :uscc and data_year = :year and source <> :self")
                .param("uscc", uscc).param("year", year).param("self", DataSource.SELF.name())
                .query().listOfRows();
        for (Map<String, Object> row : rows) {
            DataSource source = DataSource.valueOf(String.valueOf(row.get("source")).trim());
            for (RecordField field : DeclarationFields.FIELDS) {
                if (!source.fields().contains(field.column())) {
                    continue;
                }
                String value = DeclarationFields.fromColumn(field, row.get(field.column()));
                if (value != null) {
                    values.put(field.column(), new DeclarationDetail.Sourced(value, source.label()));
                }
            }
        }
        return values;
    }

    Map<String, String> mergedValues(String uscc, int year) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select * from enterprise_year where uscc = :uscc and data_year = :year")
                .param("uscc", uscc).param("year", year).query().listOfRows().stream().findFirst()
                .ifPresent(row -> {
                    for (RecordField field : DeclarationFields.FIELDS) {
                        String value = DeclarationFields.fromColumn(field, row.get(field.column()));
                        if (value != null) {
                            values.put(field.column(), value);
                        }
                    }
                });
        return values;
    }

    /** Replaces the enterprise's SELF source row of the year with the approved values. */
    void writeSelfRecord(String uscc, int year, Map<String, String> values) {
        jdbc.sql("delete from source_record where uscc = :uscc and data_year = :year and source = :self")
                .param("uscc", uscc).param("year", year).param("self", DataSource.SELF.name()).update();
        List<RecordField> fields = DeclarationFields.FIELDS;
        String columns = String.join(", ", fields.stream().map(RecordField::column).toList());
        String params = String.join(", ", fields.stream().map(f -> ":" + f.column()).toList());
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("uscc", uscc).addValue("year", year)
                .addValue("self", DataSource.SELF.name());
        for (RecordField field : fields) {
            p.addValue(field.column(), field.columnValue(values.get(field.column())), field.sqlType());
        }
        named.update("insert into source_record (uscc, data_year, source, " + columns + ") values (:uscc, :year, :self, "
                + params + ")", p);
    }

    /** Everything a declaration page shows. */
    DeclarationDetail detail(Row row, String enterpriseName) {
        return new DeclarationDetail(row.id(), row.uscc(), enterpriseName, row.year(), row.status(),
                row.reviewComment(), row.reviewedBy(), row.reviewedAt(), row.submittedAt(), row.updatedAt(),
                values(row.id()), departmentValues(row.uscc(), row.year()), mergedValues(row.uscc(), row.year()),
                attachments(row.id()).stream().map(AttachmentRow::attachment).toList(), history(row.id()));
    }

    // ---- lists ----

    List<DeclarationSummary> ofEnterprise(String uscc) {
        return jdbc.sql(SUMMARY + " where d.uscc = :uscc order by d.data_year desc").param("uscc", uscc)
                .query(DeclarationRepository::summary).list();
    }

    long count(QueueFilter filter) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(filter, p);
        return named.queryForObject("select count(*) from declaration d join enterprise e on e.uscc = d.uscc" + where,
                p, Long.class);
    }

    List<DeclarationSummary> queue(QueueFilter filter, TableQuery query) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String sql = SUMMARY + where(filter, p) + query.orderBy(QUEUE_SORT, "submitted") + ", d.id"
                + " limit :limit offset :offset";
        p.addValue("limit", query.size()).addValue("offset", query.offset());
        return named.query(sql, p, DeclarationRepository::summary);
    }

    List<DeclarationSummary> queueAll(QueueFilter filter, TableQuery query) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return named.query(SUMMARY + where(filter, p) + query.orderBy(QUEUE_SORT, "submitted") + ", d.id", p,
                DeclarationRepository::summary);
    }

    private static final String SUMMARY = """
            select d.id, d.uscc, e.name, d.data_year, d.status, d.updated_at, d.submitted_at, d.reviewed_by,
                   d.reviewed_at,
                   (select count(*) from declaration_attachment a where a.declaration_id = d.id) as attachments
            from declaration d join enterprise e on e.uscc = d.uscc""";

    private static String where(QueueFilter filter, MapSqlParameterSource p) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("d.status = :status");
            p.addValue("status", filter.status().name());
        }
        if (filter.year() != null) {
            conditions.add("d.data_year = :year");
            p.addValue("year", filter.year());
        }
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            conditions.add("(e.name like :like or d.uscc like :prefix)");
            String k = filter.keyword().strip().replace("\\", "").replace("%", "").replace("_", "");
            p.addValue("like", "%" + k + "%").addValue("prefix", k.toUpperCase(Locale.ROOT) + "%");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    // ---- mapping ----

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("uscc").trim(), rs.getInt("data_year"),
                DeclarationStatus.valueOf(rs.getString("status")), rs.getString("review_comment"),
                rs.getString("reviewed_by"), time(rs, "reviewed_at"), time(rs, "submitted_at"),
                time(rs, "updated_at"));
    }

    private static DeclarationSummary summary(ResultSet rs, int n) throws SQLException {
        return new DeclarationSummary(rs.getLong("id"), rs.getString("uscc").trim(), rs.getString("name"),
                rs.getInt("data_year"), DeclarationStatus.valueOf(rs.getString("status")), time(rs, "updated_at"),
                time(rs, "submitted_at"), rs.getString("reviewed_by"), time(rs, "reviewed_at"),
                rs.getInt("attachments"));
    }

    private static AttachmentRow attachment(ResultSet rs, int n) throws SQLException {
        return new AttachmentRow(new DeclarationDetail.Attachment(rs.getLong("id"), rs.getString("file_name"),
                AttachmentType.valueOf(rs.getString("file_type")), rs.getLong("size_bytes"),
                rs.getString("uploaded_by"), time(rs, "uploaded_at")), rs.getString("stored_name"));
    }

    private static DeclarationStatus status(String s) {
        return s == null ? null : DeclarationStatus.valueOf(s);
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
