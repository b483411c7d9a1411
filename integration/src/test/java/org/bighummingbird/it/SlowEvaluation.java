package org.bighummingbird.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Fn1;
import org.bighummingbird.Judge;

/**
 * A client process for {@link AbandonedEvaluationTest}: evaluates a model whose first row answers and
 * whose second never does, one row at a time with a heartbeat every 50 ms, and waits to be killed.
 * Row 0's console line ({@code ✔ slow[0] …}) says the evaluation is stored running.
 *
 * <p>Arguments: home, then the server's URL and API key for a remote evaluation (none for the
 * embedded store under home).
 */
public final class SlowEvaluation {
    static final String PROJECT = "Slow Project";
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private SlowEvaluation() {}

    private static void hang() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static void main(String[] args) throws Exception {
        BigHummingbird.Builder builder = BigHummingbird.builder(PROJECT).home(Path.of(args[0]));
        if (args.length > 1) {
            builder.url(args[1]).apiKey(args[2]);
        }
        try (BigHummingbird bhb = builder.build()) {
            String dataset = bhb.uploadDataset(Dataset.of("slow", "", List.of("fast", "hangs", "never reached")));
            String judge = bhb.addJudge(Judge.of("one", "always 1", (String out) -> 1.0, s -> s > 0));
            Fn1<String, String> model = bhb.trace("sometimes slow", (String q) -> {
                if (!q.equals("fast")) {
                    hang();
                }
                return q;
            });
            bhb.evaluate(model, judge, dataset, EvaluationOptions.builder().parallelism(1)
                    .heartbeatInterval(Duration.ofMillis(50)).build());
        }
    }
}
