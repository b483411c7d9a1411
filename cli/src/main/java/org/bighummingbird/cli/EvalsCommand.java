package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.json.EvaluationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bhb evals}: a project's evaluations, newest first. */
@Command(name = "evals", mixinStandardHelpOptions = true,
        subcommands = {EvalShowCommand.class, EvalCompareCommand.class},
        customSynopsis = {"bhb evals --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]",
            "       bhb evals show ID --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]",
            "       bhb evals compare A B --project=PROJECT [--json] [--home=DIR] [--verbose]"},
        description = "Lists the evaluations of a project, newest first: model, dataset and judge versions,"
                + " status, row counts, mean score.")
final class EvalsCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 50;
    static final Listing<EvaluationInfo> LISTING = Listing.of(EvaluationJson::evaluation,
            e -> new String[] {e.id(), e.modelTag().toString(), e.datasetTag().toString(), e.judgeTag().toString(),
                e.status(), count(e.rows()), count(e.passed()), count(e.failed()), count(e.errors()),
                score(e.meanScore()), Text.humanInstant(e.createdAtMicros())},
            "ID", "MODEL", "DATASET", "JUDGE", "STATUS", "ROWS", "PASSED", "FAILED", "ERRORS", "MEAN", "CREATED");

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private int limit = DEFAULT_LIMIT;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "The most evaluations to print, 1 to " + EvaluationStore.MAX_PAGE
                    + "; default ${DEFAULT-VALUE}.")
    void limit(int value) {
        if (value < 1 || value > EvaluationStore.MAX_PAGE) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to " + EvaluationStore.MAX_PAGE
                    + ", got " + value);
        }
        this.limit = value;
    }

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options)) {
            LISTING.print(spec, json, source.evaluations(limit),
                    "no evaluations in project \"" + options.project() + "\" yet");
        }
        return 0;
    }

    private static String count(Integer n) {
        return n == null ? "-" : n.toString();
    }

    /** A score for people: a whole number without a fraction, else up to 4 decimals; {@code -} for none. */
    static String score(Double s) {
        if (s == null) {
            return "-";
        }
        if (s == Math.rint(s) && Math.abs(s) < 1e15) {
            return Long.toString(s.longValue());
        }
        String text = String.format(java.util.Locale.ROOT, "%.4f", s);
        return text.replaceAll("0+$", "");
    }

    /** A signed difference: {@code +1.5}, {@code -2}, {@code 0}; {@code -} for none. */
    static String delta(Double d) {
        if (d == null) {
            return "-";
        }
        return (d > 0 ? "+" : "") + score(d);
    }

}
