package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

/** {@code bhb evals show ID}: one evaluation's summary and its rows. */
@Command(name = "show", mixinStandardHelpOptions = true,
        customSynopsis = "bhb evals show ID --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]",
        description = "Shows one evaluation: versions, status, summary, and its rows in order.")
final class EvalShowCommand implements Callable<Integer> {
    static final long DEFAULT_LIMIT = 100;
    static final int CELL_WIDTH = 60;

    @Parameters(index = "0", paramLabel = "ID", description = "The evaluation's id, as bhb evals lists it.")
    String id;

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
            description = "The most rows to print, 1 or more; default ${DEFAULT-VALUE}.")
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
            EvaluationInfo e = find(source, chosen.project(), id);
            IndexedPages<EvaluationRowView> rows = new IndexedPages<>(
                    (from, n) -> source.evaluationRows(e.id(), from, n), EvaluationRowView::index, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.printObjectWithArray(out, EvaluationJson.evaluation(e), "results", rows, EvaluationJson::row);
            } else {
                print(out, e, rows);
                if (e.rows() != null && e.rows() > limit) {
                    spec.commandLine().getErr().println("showing " + limit + " of " + e.rows()
                            + " rows; pass --limit N for more");
                }
            }
        }
        return 0;
    }

    static EvaluationInfo find(ProjectSource source, String project, String id) {
        return source.evaluation(id).orElseThrow(() -> new CommandFailure(
                "no evaluation " + Text.oneLine(id) + " in project \"" + project + "\""));
    }

    private static void print(PrintWriter out, EvaluationInfo e, IndexedPages<EvaluationRowView> rows) {
        out.println("evaluation " + e.id());
        Table header = Table.headless(2)
                .row("  model", e.modelTag().toString())
                .row("  dataset", e.datasetTag().toString())
                .row("  judge", e.judgeTag().toString())
                .row("  status", e.status())
                .row("  parallelism", Integer.toString(e.parallelism()))
                .row("  created", Text.isoInstant(e.createdAtMicros()));
        if (e.failure() != null) {
            header.row("  failure", Text.cut(e.failure(), 200));
        }
        boolean beating = EvaluationInfo.RUNNING.equals(e.status()) || EvaluationInfo.ABANDONED.equals(e.status());
        if (beating && e.heartbeatAtMicros() != null) {
            header.row("  heartbeat", Text.isoInstant(e.heartbeatAtMicros()));
        }
        if (e.rows() != null) {
            header.row("  rows", e.rows().toString())
                    .row("  passed", e.passed().toString())
                    .row("  failed", e.failed().toString())
                    .row("  errors", e.errors().toString())
                    .row("  score", "mean " + EvalsCommand.score(e.meanScore()) + ", min "
                            + EvalsCommand.score(e.minScore()) + ", max " + EvalsCommand.score(e.maxScore()))
                    .row("  latency", e.latencyP50Ns() == null ? "-" : "p50 " + Text.latency(e.latencyP50Ns())
                            + ", p95 " + Text.latency(e.latencyP95Ns()));
        }
        header.print(out);
        out.println();
        Table table = Table.withHeader("INDEX", "RESULT", "SCORE", "LATENCY", "INPUT", "OUTPUT OR ERROR");
        for (EvaluationRowView r : rows) {
            table.row(Integer.toString(r.index()), result(r), EvalsCommand.score(r.score()), Text.latency(r.latencyNs()),
                    Text.cut(r.inputJson(), CELL_WIDTH),
                    Text.cut(r.isError() ? "error: " + r.error() : String.valueOf(r.outputJson()), CELL_WIDTH));
        }
        table.print(out);
    }

    static String result(EvaluationRowView r) {
        if (r.isError()) {
            return "error";
        }
        return r.passed() == null ? "scored" : r.passed() ? "passed" : "failed";
    }

}
