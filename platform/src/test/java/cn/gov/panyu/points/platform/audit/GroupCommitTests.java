package cn.gov.panyu.points.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GroupCommitTests {

    /** What the fake database holds: items of commits that completed. */
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final List<List<String>> commits = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aCallerAloneCommitsAlone() {
        GroupCommit<String> group = new GroupCommit<>(this::store);

        group.commit("a");
        group.commit("b");

        assertThat(commits).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void callersArrivingTogetherShareCommitsAndEachReturnsOnlyOnceItsItemIsCommitted() throws Exception {
        GroupCommit<String> group = new GroupCommit<>(items -> {
            sleep(15); // a commit takes a while: the next callers gather meanwhile
            store(items);
        });
        List<String> returnedEarly = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String item = "view-" + i;
            Thread caller = new Thread(() -> {
                group.commit(item);
                if (!committed.contains(item)) {
                    returnedEarly.add(item);
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(20));
        }

        assertThat(returnedEarly).isEmpty();
        assertThat(committed).hasSize(24);
        assertThat(commits.stream().mapToInt(List::size).sum()).isEqualTo(24); // each item once
        assertThat(commits.size()).isLessThan(24);
    }

    @Test
    void aFailingItemFailsOnlyItsOwnCaller() throws Exception {
        CountDownLatch othersWaiting = new CountDownLatch(1);
        GroupCommit<String> group = new GroupCommit<>(items -> {
            if (items.equals(List.of("first"))) {
                await(othersWaiting); // hold the first commit until the others are queued behind it
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("违反约束");
            }
            store(items);
        });
        Thread first = new Thread(() -> group.commit("first"));
        first.start();
        sleep(100);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> others = new ArrayList<>();
        for (String item : List.of("ok-1", "bad", "ok-2")) {
            Thread caller = new Thread(() -> {
                try {
                    group.commit(item);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            others.add(caller);
            caller.start();
        }
        sleep(200);
        othersWaiting.countDown();
        first.join(10_000);
        for (Thread caller : others) {
            caller.join(10_000);
        }

        assertThat(committed).containsExactlyInAnyOrder("first", "ok-1", "ok-2");
        assertThat(failures).singleElement().isInstanceOf(IllegalArgumentException.class);
        assertThat(commits).contains(List.of("ok-1"), List.of("ok-2")); // the joint commit failed; each alone did not
    }

    @Test
    void anErrorIsNeverTakenForACommit() {
        GroupCommit<String> group = new GroupCommit<>(items -> {
            throw new OutOfMemoryError("simulated");
        });

        assertThatThrownBy(() -> group.commit("a")).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    private void store(List<String> items) {
        commits.add(List.copyOf(items));
        committed.addAll(items);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
