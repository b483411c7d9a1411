package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
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
            CursorPages<RunView> runs = new CursorPages<>((cursor, size) -> {
                RunPage page = source.runsPage(new RunQuery(model, size), cursor);
                return new CursorPages.Page<>(page.runs(), page.nextCursor());
            }, limit);
            // Only asked when nothing came back: tells a typo in --model from a version without runs.
            if (runs.isEmpty() && model != null && source.version(model).isEmpty()) {
                throw source.noVersion(model);
            }
            RunTable.LISTING.print(spec, json, runs, "no runs in project \"" + options.project() + "\""
                    + (model == null ? "" : " for " + model) + " yet");
        }
        return 0;
    }
}
