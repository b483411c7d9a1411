package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationComparison.RowDelta;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.json.EvaluationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bhb evals compare A B}: two evaluations of one dataset version, row by row. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        customSynopsis = "bhb evals compare A B --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]",
        description = "Lines up two complete evaluations of one dataset version (B against A): summary deltas,"
                + " regressions (rows that did not fail in A and fail in B), improvements, per-row score deltas.")
final class EvalCompareCommand implements Callable<Integer> {
    static final long DEFAULT_LIMIT = 100;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline evaluation's id.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The id of the evaluation compared with A.")
    String b;

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EvalsCommand parent;

    private long limit = DEFAULT_LIMIT;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "The most rows to print in the text table, 1 or more; default ${DEFAULT-VALUE}.")
    void limit(long value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, got " + value);
        }
        this.limit = value;
    }

    @Override
    public Integer call() {
        StoreOptions chosen = options.orElse(parent.options);
        try (ProjectSource source = ProjectSource.open(chosen)) {
            EvalShowCommand.find(source, chosen.project(), a);
            EvalShowCommand.find(source, chosen.project(), b);
            EvaluationComparison c = source.compareEvaluations(a, b);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, EvaluationJson.comparison(c));
            } else {
                print(out, c);
            }
        }
        return 0;
    }

    private void print(PrintWriter out, EvaluationComparison c) {
        EvaluationInfo x = c.a();
        EvaluationInfo y = c.b();
        out.println("A " + x.id() + "  " + x.modelTag());
        out.println("B " + y.id() + "  " + y.modelTag());
        out.println("dataset " + x.datasetTag() + ", judges " + x.judgeTag()
                + (x.judgeTag().equals(y.judgeTag()) ? "" : " (A) and " + y.judgeTag() + " (B)"));
        out.println();
        Table summary = Table.withHeader("", "A", "B", "DELTA");
        summary.row("passed", x.passed().toString(), y.passed().toString(), EvalsCommand.delta((double) c.passedDelta()));
        summary.row("failed", x.failed().toString(), y.failed().toString(), EvalsCommand.delta((double) c.failedDelta()));
        summary.row("errors", x.errors().toString(), y.errors().toString(), EvalsCommand.delta((double) c.errorsDelta()));
        summary.row("mean score", EvalsCommand.score(x.meanScore()), EvalsCommand.score(y.meanScore()),
                EvalsCommand.delta(c.meanScoreDelta()));
        summary.row("latency p50", latency(x.latencyP50Ns()), latency(y.latencyP50Ns()), signedLatency(c.latencyP50DeltaNs()));
        summary.row("latency p95", latency(x.latencyP95Ns()), latency(y.latencyP95Ns()), signedLatency(c.latencyP95DeltaNs()));
        summary.print(out);
        out.println();
        out.println("regressions: " + c.regressions().size() + indexes(c.regressions()));
        out.println("improvements: " + c.improvements().size() + indexes(c.improvements()));
        out.println();
        Table rows = Table.withHeader("INDEX", "A", "B", "A SCORE", "B SCORE", "DELTA", "CHANGE");
        long shown = 0;
        for (RowDelta r : c.rows()) {
            if (shown++ >= limit) {
                break;
            }
            rows.row(Integer.toString(r.index()), result(r.a()), result(r.b()), score(r.a()), score(r.b()),
                    EvalsCommand.delta(r.scoreDelta()), r.change());
        }
        rows.print(out);
        if (c.rows().size() > limit) {
            spec.commandLine().getErr().println("showing " + limit + " of " + c.rows().size()
                    + " rows; pass --limit N for more");
        }
    }

    private static String indexes(List<Integer> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        String listed = rows.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return " (rows " + listed + (rows.size() > 20 ? ", …" : "") + ")";
    }

    private static String result(EvaluationRowView r) {
        return r == null ? "-" : EvalShowCommand.result(r);
    }

    private static String score(EvaluationRowView r) {
        return r == null ? "-" : EvalsCommand.score(r.score());
    }

    private static String latency(Long ns) {
        return ns == null ? "-" : Text.latency(ns);
    }

    private static String signedLatency(Long ns) {
        if (ns == null) {
            return "-";
        }
        return (ns > 0 ? "+" : ns < 0 ? "-" : "") + Text.latency(Math.abs(ns));
    }

}
