package cn.gov.panyu.points.platform.scoremodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
@WithMockUser(username = "staff", roles = "STAFF")
class ScoreModelsIntegrationTests {

    @Autowired
    ScoreModels models;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theEnginesDefaultModelIsInstalledAsTheOnlyActiveVersion() {
        long active = models.activeModelId();

        assertThat(models.load(active).reference()).isEqualTo(ModelLoader.defaultModel().reference());
        assertThat(jdbc.queryForObject("select count(*) from score_model where status = 'ACTIVE'", Long.class)).isEqualTo(1);
    }

    @Test
    void aCopyIsAnEditableDraftUnderANewVersion() {
        long copy = models.copy(models.activeModelId(), "staff");
        try {
            ModelVersion v = models.version(copy);
            assertThat(v.status()).isEqualTo(ModelStatus.DRAFT);
            assertThat(v.editable()).isTrue();
            assertThat(v.version()).startsWith("2025.1-draft");
            assertThat(models.load(copy).version()).isEqualTo(v.version());
        } finally {
            models.delete(copy);
        }
    }

    @Test
    void anInvalidEditIsRefusedWithEveryProblemAndNothingChanges() {
        long copy = models.copy(models.activeModelId(), "staff");
        try {
            String before = models.version(copy).definition();
            String broken = before.replace("coreTotal: 1000", "coreTotal: 900").replace("value: rd_expense", "value: rd_money");

            assertThatThrownBy(() -> models.update(copy, broken, "staff")).isInstanceOf(ModelRejectedException.class)
                    .satisfies(e -> assertThat(((ModelRejectedException) e).problems()).hasSizeGreaterThanOrEqualTo(4));
            assertThat(models.version(copy).definition()).isEqualTo(before);
        } finally {
            models.delete(copy);
        }
    }

    @Test
    void aVersionNumberCannotBeUsedTwice() {
        long copy = models.copy(models.activeModelId(), "staff");
        try {
            String sameAsActive = ScoreModels.withVersion(models.version(copy).definition(), "2025.1");

            assertThatThrownBy(() -> models.update(copy, sameAsActive, "staff")).isInstanceOf(ModelRejectedException.class)
                    .hasMessageContaining("已有版本「2025.1」");
        } finally {
            models.delete(copy);
        }
    }

    @Test
    void activatingAVersionRetiresThePreviousOne() {
        long original = models.activeModelId();
        long copy = models.copy(original, "staff");
        try {
            models.activate(copy, "staff");

            assertThat(models.activeModelId()).isEqualTo(copy);
            assertThat(models.version(original).status()).isEqualTo(ModelStatus.RETIRED);
        } finally {
            models.activate(original, "staff");
            jdbc.update("delete from score_model where id = ?", copy);
        }
        assertThat(models.version(original).status()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void aVersionUsedByARunCanNeverBeEditedOrDeleted() {
        long copy = models.copy(models.activeModelId(), "staff");
        models.recordUse(copy); // what the evaluation feature does when it queues a run of this version

        assertThat(models.version(copy).editable()).isFalse();
        String text = models.version(copy).definition();
        assertThatThrownBy(() -> models.update(copy, text, "staff")).isInstanceOf(ModelRejectedException.class)
                .hasMessageContaining("已用于评价计算");
        assertThatThrownBy(() -> models.delete(copy)).isInstanceOf(ModelRejectedException.class);
    }

    @Test
    void aReaderBetweenAnEditAndItsCommitCannotLeaveTheOldModelCached() throws Exception {
        long copy = models.copy(models.activeModelId(), "staff");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            String edited = ScoreModels.withVersion(models.version(copy).definition(), "cache-after-commit");

            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                models.update(copy, edited, "staff");
                // another request reads the model before the edit commits: it sees, and caches, the old text
                assertThat(oneCall(reader, () -> models.load(copy).version())).startsWith("2025.1-draft");
            });

            assertThat(models.load(copy).version()).isEqualTo("cache-after-commit");
        } finally {
            reader.shutdownNow();
            models.delete(copy);
        }
    }

    @Test
    void aRolledBackEditLeavesNoTraceInTheCache() {
        long copy = models.copy(models.activeModelId(), "staff");
        try {
            String before = models.load(copy).version();
            String edited = ScoreModels.withVersion(models.version(copy).definition(), "rolled-back");

            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                models.update(copy, edited, "staff");
                // read inside the transaction: the uncommitted text is what it sees
                assertThat(models.load(copy).version()).isEqualTo("rolled-back");
                tx.setRollbackOnly();
            });

            assertThat(models.version(copy).version()).isEqualTo(before);
            assertThat(models.load(copy).version()).isEqualTo(before);
        } finally {
            models.delete(copy);
        }
    }

    /** What {@code call} returns when made on {@code thread}: another request, with its own connection. */
    private static <T> T oneCall(ExecutorService thread, Callable<T> call) {
        try {
            return thread.submit(call).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @WithMockUser(username = "ent", roles = "ENTERPRISE")
    void onlyStaffMayChangeModels() {
        assertThatThrownBy(() -> models.copy(1, "ent")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> models.activate(1, "ent")).isInstanceOf(AccessDeniedException.class);
    }
}
