package cn.gov.panyu.points.platform.analytics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.RunPublished;

/**
 * Reads the published runs into the dashboard's snapshots in the background — when the platform is ready and
 * after each publication — so that the first person to open 统计看板 does not wait for 100,000 × 3 lines to be
 * read (≈ 30 s on H2, docs/benchmarks.md). A request arriving during the warm-up waits for the same read, never
 * starts a second one ({@link RunSnapshots#of} is synchronized). {@code points.analytics.warm-up=false} leaves
 * the reading to the first request.
 */
@Component
public class SnapshotWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWarmUp.class);

    private final PublishedResults published;
    private final RunSnapshots snapshots;
    private final YearQualifications qualifications;
    private final boolean enabled;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "dashboard-warm-up");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    SnapshotWarmUp(PublishedResults published, RunSnapshots snapshots, YearQualifications qualifications,
                   @Value("${points.analytics.warm-up:true}") boolean enabled) {
        this.published = published;
        this.snapshots = snapshots;
        this.qualifications = qualifications;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        schedule();
    }

    /** After the publishing transaction commits: before, the read model still shows the year's old run. */
    @TransactionalEventListener(fallbackExecution = true)
    void whenPublished(RunPublished event) {
        schedule();
    }

    private void schedule() {
        if (enabled && !closing) {
            worker.execute(this::warm);
        }
    }

    /** Reads every published year's run that the snapshots keep; returns how many runs it read or found. */
    int warm() {
        long start = System.nanoTime();
        try {
            List<Integer> years = published.years().stream().limit(RunSnapshots.KEEP).toList();
            int runs = 0;
            for (int year : years) {
                var snapshot = published.run(year).map(snapshots::of);
                if (snapshot.isPresent()) {
                    runs++;
                    // the newest year's qualifications: every dashboard request without a year shows them
                    if (year == years.get(0)) {
                        qualifications.of(year).masks(snapshot.get());
                    }
                }
            }
            log.info("统计看板：已读入 {} 个已发布年度的结果（{} ms）", runs, (System.nanoTime() - start) / 1_000_000);
            return runs;
        } catch (RuntimeException e) {
            if (closing) {
                // the platform is stopping under the read: nothing is lost, the next start reads again
                log.debug("dashboard warm-up stopped with the platform", e);
                return 0;
            }
            log.warn("统计看板预读失败，将在首次打开时读取：{}", e.toString(), e);
            return 0;
        }
    }

    /**
     * Waits until every warm-up scheduled so far has finished: the worker is one thread taking tasks in order, so
     * a marker queued now runs after them. For the benchmark, which times requests as a user arriving after the
     * warm-up sees them, not while it still reads 100,000 × 3 lines on the same two cores.
     *
     * @return false if the warm-ups did not finish within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        worker.execute(idle::countDown);
        return idle.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @PreDestroy
    void stop() {
        closing = true;
        worker.shutdownNow();
    }
}
