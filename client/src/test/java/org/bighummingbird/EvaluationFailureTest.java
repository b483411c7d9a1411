package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluations that stop early: stored failed with the reason, and an exception to the caller. */
class EvaluationFailureTest {
    private static final String PROJECT = "Failing Project";
    static Path storeHome;

    @TempDir
    Path home;

    private PrintStream originalOut;

    @BeforeEach
    void quiet() {
        storeHome = home;
        originalOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    /** Marks the running evaluation failed from another connection, as another process could. */
    static int sabotage(int row) {
        if (row == 50) {
            try (Store store = Store.openLocal(storeHome)) {
                ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
                EvaluationInfo running = store.evaluations().list(p, 1).get(0);
                store.evaluations().fail(p, running.id(), "stopped from outside");
            }
        }
        return row;
    }

    @Test
    void anEvaluationWhoseRowsCannotBeStoredStopsAndStaysFailed() {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String ds = bhb.uploadDataset(Dataset.of("rows", "", IntStream.range(0, 2_000).boxed().toList()));
            String judge = bhb.addJudge(Judge.of("any", "", (Object out) -> 1.0));
            var model = bhb.trace("saboteur", (Integer row) -> sabotage(row));

            assertThatThrownBy(() -> bhb.evaluate(model, judge, ds, EvaluationOptions.builder().parallelism(2)
                    .build()))
                    .isInstanceOf(EvaluationFailed.class)
                    .hasMessageContaining("rows could not be stored")
                    .satisfies(e -> assertThat(((EvaluationFailed) e).evaluationId()).isNotBlank());

            Evaluation stored;
            try (Store store = Store.openLocal(home)) {
                ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
                stored = bhb.evaluation(store.evaluations().list(p, 1).get(0).id());
            }
            assertThat(stored.status()).isEqualTo(Evaluation.Status.FAILED);
            assertThat(stored.failure()).hasValue("stopped from outside");
            int read = 0;
            for (Evaluation.Row ignored : stored.rows()) {
                read++;
            }
            assertThat(read).isLessThan(2_000);
        }
    }

    /** Counted down by every row the slow model starts, so a test can act once rows are running. */
    private static volatile CountDownLatch rowsStarted = new CountDownLatch(1);

    static int slow(int row) {
        rowsStarted.countDown();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return row;
    }

    @Test
    void interruptingTheCallerFailsTheEvaluationAndKeepsTheInterrupt() throws Exception {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String ds = bhb.uploadDataset(Dataset.of("rows", "", IntStream.range(0, 5_000).boxed().toList()));
            String judge = bhb.addJudge(Judge.of("any", "", (Object out) -> 1.0));
            rowsStarted = new CountDownLatch(1);
            var model = bhb.trace("slow", (Integer row) -> slow(row));
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> interrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    bhb.evaluate(model, judge, ds);
                } catch (Throwable t) {
                    thrown.set(t);
                    interrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            assertThat(rowsStarted.await(30, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(30_000);

            assertThat(thrown.get()).isInstanceOf(EvaluationFailed.class).hasMessageContaining("interrupted");
            assertThat(interrupted.get()).isTrue();
            Evaluation stored = bhb.evaluation(((EvaluationFailed) thrown.get()).evaluationId());
            assertThat(stored.status()).isEqualTo(Evaluation.Status.FAILED);
            assertThat(stored.failure()).hasValue("interrupted while running rows");
        }
    }

}
