package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.json.ViewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bhb runs}: the newest runs of a project, or of one model version. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        customSynopsis = {"bhb runs --project=PROJECT [--model=TAG] [--limit=N] [--json]",
            "                [--home=DIR] [--verbose]"},
        description = "Lists runs, newest first: inputs, output or error, latency, start time.")
final class RunsCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 20;

    @Mixin
    StoreOptions options;

    @Option(names = "--model", paramLabel = "TAG", converter = TagArgument.class,
            description = "Only runs of this version: name:vN, or name:latest.")
    TagReference model;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private long limit = DEFAULT_LIMIT;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "The most runs to print, 1 or more; default ${DEFAULT-VALUE}.")
    void limit(long value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, got " + value);
        }
        this.limit = value;
    }

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options)) {
            PagedRuns runs = new PagedRuns(source, model, limit);
            if (runs.isEmpty() && model != null) {
                requireVersion(source);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.printArray(out, runs, ViewJson::run);
            } else if (runs.isEmpty()) {
                spec.commandLine().getErr().println("no runs in project \"" + options.project() + "\""
                        + (model == null ? "" : " for " + model) + " yet");
            } else {
                RunTable.print(runs.toList(), out);
            }
        }
        return 0;
    }

    // Only asked when nothing came back: tells a typo in --model from a version without runs.
    private void requireVersion(ProjectSource source) {
        boolean known = source.versions().stream()
                .anyMatch(v -> v.tag().name().equals(model.name())
                        && (model.isLatest() || v.tag().version() == model.version()));
        if (!known) {
            throw source.noVersion(model);
        }
    }
}
