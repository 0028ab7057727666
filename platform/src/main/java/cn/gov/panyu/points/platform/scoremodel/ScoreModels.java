package cn.gov.panyu.points.platform.scoremodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ModelProblem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * The model versions of table score_model: the engine's parser decides what a valid model is, this
 * service decides who may change which version when. Exactly one version is ACTIVE; a version an
 * evaluation run has used is frozen, so published results can always name the model that made them.
 *
 * <p>Reading a model ({@link #activeModelId()}, {@link #load(long)}) is open to every signed-in
 * feature: the model is public (it is what 公示 explains); changing one is staff work.
 */
@Service
public class ScoreModels implements InitializingBean {

    static final String SYSTEM_USER = "system";
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:[ \\t]*.*$");
    private static final String SELECT = """
            select m.id, m.model_key, m.version, m.name, m.status, m.definition, m.based_on, m.created_by,
                   m.created_at, m.activated_at, m.runs
            from score_model m""";

    private static final Map<String, String> SORTABLE = Map.of("id", "m.id", "key", "m.model_key",
            "version", "m.version", "status", "m.status", "created", "m.created_at", "runs", "m.runs");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    /** Parsed models by id; a version's text changes only while it is an unused draft (see {@link #evict}). */
    private final Map<Long, ScoreModel> parsed = new ConcurrentHashMap<>();

    ScoreModels(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    /** On a new installation the engine's shipped model becomes the first, active version. */
    @Override
    public void afterPropertiesSet() {
        ensureDefaultModel();
    }

    /** The id of the ACTIVE version (installing the default model first if the table is empty). */
    public long activeModelId() {
        return jdbc.sql("select id from score_model where status = 'ACTIVE'").query(Long.class).optional()
                .orElseGet(this::ensureDefaultModel);
    }

    /** The engine's model of a version. */
    public ScoreModel load(long modelId) {
        return parsed.computeIfAbsent(modelId, id -> {
            String text = jdbc.sql("select definition from score_model where id = ?").param(id)
                    .query(String.class).optional()
                    .orElseThrow(() -> new ModelNotFoundException(id));
            return ModelLoader.parse(text, "score_model#" + id);
        });
    }

    @PreAuthorize("hasRole('STAFF')")
    public List<ModelVersion> list() {
        return jdbc.sql(SELECT + " order by m.created_at desc, m.id desc").query(ScoreModels::row).list();
    }

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ModelVersion> list(TableQuery query) {
        long total = jdbc.sql("select count(*) from score_model").query(Long.class).single();
        String order = SORTABLE.containsKey(query.sort()) ? query.orderBy(SORTABLE, "created") + ", m.id desc"
                : " order by m.created_at desc, m.id desc";
        List<ModelVersion> rows = jdbc.sql(SELECT + order + " limit ? offset ?").params(query.size(), query.offset())
                .query(ScoreModels::row).list();
        return new TablePage<>(rows, total, query);
    }

    @PreAuthorize("hasRole('STAFF')")
    public ModelVersion version(long id) {
        return find(id);
    }

    /** Every problem of a model text, in Chinese, without storing anything. */
    @PreAuthorize("hasRole('STAFF')")
    public List<ModelProblem> validate(String text) {
        return ModelLoader.problems(text == null ? "" : text, "模型定义");
    }

    /**
     * The engine's model of a text that is not stored (a YAML text switched to the form).
     *
     * @throws ModelRejectedException with every problem when the text is not a valid model
     */
    @PreAuthorize("hasRole('STAFF')")
    public ScoreModel parse(String text) {
        return parseOrReject(text);
    }

    /** A new DRAFT with the same text under a free version number, ready for editing. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public long copy(long id, String user) {
        ModelVersion source = find(id);
        String newVersion = freeVersion(source.modelKey(), source.version());
        String text = withVersion(source.definition(), newVersion);
        long copy = insert(source.modelKey(), newVersion, source.name(), ModelStatus.DRAFT, text, source.id(), user);
        audit.record(AuditAction.MODEL_CHANGE, null, "复制模型 " + source.modelKey() + " " + source.version()
                + " 为草稿 " + newVersion + "（#" + copy + "）");
        return copy;
    }

    /**
     * A new DRAFT holding a model another feature computed (calibrated weights): written as a model text by
     * the model form, under a free version number derived from the version it is based on, so that it is
     * validated, viewed and activated like any hand-made draft.
     *
     * @param basedOn the version the model was derived from
     * @param reason  what made it, for the audit log (Chinese)
     * @throws ModelRejectedException when the engine does not accept the model's text
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public long createDraft(long basedOn, ScoreModel model, String reason, String user) {
        ModelVersion source = find(basedOn);
        String newVersion = freeVersion(source.modelKey(), source.version());
        String text = withVersion(ModelForm.of(model).toYaml(), newVersion);
        ScoreModel parsedModel = parseOrReject(text);
        long draft = insert(parsedModel.id(), newVersion, parsedModel.name(), ModelStatus.DRAFT, text, source.id(), user);
        audit.record(AuditAction.MODEL_CHANGE, null, reason + "：基于 " + source.modelKey() + " " + source.version()
                + " 生成草稿 " + newVersion + "（#" + draft + "）");
        return draft;
    }

    /**
     * Replaces an unused draft's text after the engine accepted it.
     *
     * @throws ModelRejectedException with every problem; nothing is stored then
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void update(long id, String text, String user) {
        ModelVersion current = find(id);
        if (!current.editable()) {
            throw new ModelRejectedException(current.used()
                    ? "该版本已用于评价计算，不能再修改；请复制为新版本后编辑。"
                    : "只有草稿状态的版本可以编辑；请复制为新版本后编辑。");
        }
        ScoreModel model = parseOrReject(text);
        checkFreeVersion(model, id);
        jdbc.sql("update score_model set model_key = ?, version = ?, name = ?, definition = ? where id = ?")
                .params(model.id(), model.version(), model.name(), text, id).update();
        evict(id);
        audit.record(AuditAction.MODEL_CHANGE, null, "修改模型草稿 #" + id + "：" + model.id() + " " + model.version());
    }

    /** Makes a version the active one; the previously active version is retired in the same transaction. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void activate(long id, String user) {
        ModelVersion version = find(id);
        parseOrReject(version.definition());
        jdbc.sql("update score_model set status = 'RETIRED' where status = 'ACTIVE' and id <> ?").param(id).update();
        jdbc.sql("update score_model set status = 'ACTIVE', activated_at = ? where id = ?")
                .params(Timestamp.valueOf(LocalDateTime.now()), id).update();
        audit.record(AuditAction.MODEL_CHANGE, null, "启用模型 " + version.modelKey() + " " + version.version() + "（#" + id + "）");
    }

    /**
     * Counts a new evaluation run of this version; from then on the version is frozen (its results must
     * always name the text that made them). Called by the evaluation feature when it queues a run.
     */
    @PreAuthorize("hasRole('STAFF')")
    public void recordUse(long id) {
        jdbc.sql("update score_model set runs = runs + 1 where id = ?").param(id).update();
    }

    /** Deletes an unused draft. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void delete(long id) {
        ModelVersion version = find(id);
        if (!version.editable()) {
            throw new ModelRejectedException("只能删除未用于评价计算的草稿版本。");
        }
        jdbc.sql("update score_model set based_on = null where based_on = ?").param(id).update();
        jdbc.sql("delete from score_model where id = ?").param(id).update();
        evict(id);
        audit.record(AuditAction.MODEL_CHANGE, null, "删除模型草稿 " + version.modelKey() + " " + version.version() + "（#" + id + "）");
    }

    /**
     * Drops a version's parsed model now and once more when the current transaction has ended. Now, so
     * that the rest of the transaction reads its own change. At the end, because until the commit other
     * requests still read the old text and may cache it again, and a read inside a transaction that then
     * rolls back may have cached a text that never became real; after commit or rollback the next read
     * sees what the database holds.
     */
    private void evict(long id) {
        parsed.remove(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    parsed.remove(id);
                }
            });
        }
    }

    private ModelVersion find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(ScoreModels::row).optional()
                .orElseThrow(() -> new ModelNotFoundException(id));
    }

    /**
     * Instances starting together on an empty database (docs/adr/0017) both find no model: one statement
     * reads the table (two would let the other's commit fall between them), and of two inserts of the
     * default model the unique key keeps one — the other instance then takes that one.
     */
    private long ensureDefaultModel() {
        try {
            return tx.execute(status -> {
                record Row(long id, String status) {
                }
                List<Row> models = jdbc.sql("select id, status from score_model")
                        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2).strip())).list();
                Optional<Row> active = models.stream().filter(m -> m.status().equals(ModelStatus.ACTIVE.name())).findFirst();
                if (active.isPresent()) {
                    return active.get().id();
                }
                if (!models.isEmpty()) {
                    throw new ModelRejectedException("没有启用中的积分模型，请在“模型管理”中启用一个版本。");
                }
                String text = defaultModelText();
                ScoreModel model = ModelLoader.parse(text, ModelLoader.DEFAULT_MODEL_RESOURCE);
                long newId = insert(model.id(), model.version(), model.name(), ModelStatus.ACTIVE, text, null, SYSTEM_USER);
                jdbc.sql("update score_model set activated_at = created_at where id = ?").param(newId).update();
                return newId;
            });
        } catch (DuplicateKeyException installedByAnotherInstance) {
            return jdbc.sql("select id from score_model where status = 'ACTIVE'").query(Long.class).single();
        }
    }

    private long insert(String key, String version, String name, ModelStatus status, String text, Long basedOn,
                        String user) {
        jdbc.sql("""
                insert into score_model (model_key, version, name, status, definition, based_on, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, version, name, status.name(), text, basedOn, user, Timestamp.valueOf(LocalDateTime.now()))
                .update();
        return jdbc.sql("select id from score_model where model_key = ? and version = ?").params(key, version)
                .query(Long.class).single();
    }

    private ScoreModel parseOrReject(String text) {
        List<ModelProblem> problems = ModelLoader.problems(text == null ? "" : text, "模型定义");
        if (!problems.isEmpty()) {
            throw new ModelRejectedException(problems);
        }
        return ModelLoader.parse(text, "模型定义");
    }

    private void checkFreeVersion(ScoreModel model, long id) {
        List<ModelProblem> problems = new ArrayList<>();
        if (model.version().length() > 32) {
            problems.add(new ModelProblem("version", "版本号最长 32 个字符", "version is at most 32 characters"));
        }
        if (model.id().length() > 64) {
            problems.add(new ModelProblem("id", "模型标识最长 64 个字符", "id is at most 64 characters"));
        }
        long clash = jdbc.sql("select count(*) from score_model where model_key = ? and version = ? and id <> ?")
                .params(model.id(), model.version(), id).query(Long.class).single();
        if (clash > 0) {
            problems.add(new ModelProblem("version", "模型 " + model.id() + " 已有版本「" + model.version() + "」，请使用新的版本号",
                    "version " + model.version() + " of " + model.id() + " exists"));
        }
        if (!problems.isEmpty()) {
            throw new ModelRejectedException(problems);
        }
    }

    private String freeVersion(String key, String version) {
        String base = version.length() > 24 ? version.substring(0, 24) : version;
        for (int n = 1; ; n++) {
            String candidate = base + "-draft" + n;
            long taken = jdbc.sql("select count(*) from score_model where model_key = ? and version = ?")
                    .params(key, candidate).query(Long.class).single();
            if (taken == 0) {
                return candidate;
            }
        }
    }

    /** The text with its top-level {@code version:} line replaced (comments and layout kept). */
    static String withVersion(String text, String version) {
        Matcher m = VERSION_LINE.matcher(text);
        String line = "version: \"" + version + "\"";
        return m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : line + "\n" + text;
    }

    private static String defaultModelText() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("engine default model missing: " + ModelLoader.DEFAULT_MODEL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelVersion row(ResultSet rs, int n) throws SQLException {
        long basedOn = rs.getLong("based_on");
        Long based = rs.wasNull() ? null : basedOn;
        Timestamp activated = rs.getTimestamp("activated_at");
        return new ModelVersion(rs.getLong("id"), rs.getString("model_key"), rs.getString("version"),
                rs.getString("name"), ModelStatus.valueOf(rs.getString("status")), rs.getString("definition"),
                based, rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(),
                activated == null ? null : activated.toLocalDateTime(), rs.getInt("runs"));
    }
}
