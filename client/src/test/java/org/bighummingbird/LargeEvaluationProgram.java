package org.bighummingbird;

import java.nio.file.Path;

/**
 * Evaluates the 100,000-row dataset {@code big:v1} of the project "Large" under {@code args[0]} and
 * prints the summary's row and pass counts and how many rows iterating {@link Evaluation#rows()}
 * read back. Run by {@link LargeEvaluationTest} in a JVM with a small heap.
 */
public final class LargeEvaluationProgram {
    private LargeEvaluationProgram() {}

    public static void main(String[] args) {
        try (var bhb = BigHummingbird.builder("Large").home(Path.of(args[0])).queueCapacity(2_048).build()) {
            String judge = bhb.addJudge(Judge.of("long enough", "", (Integer out) -> out, s -> s >= 400));
            var model = bhb.trace("measure", (String row) -> row.length());
            Evaluation ev = bhb.evaluate(model, judge, "big:v1", EvaluationOptions.builder().printRows(false).build());
            long read = 0;
            for (Evaluation.Row ignored : ev.rows()) {
                read++;
            }
            System.out.println(ev.summary().rows() + " " + ev.summary().passed() + " " + read);
        }
    }
}
