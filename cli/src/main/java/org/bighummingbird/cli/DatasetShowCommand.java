package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.json.CatalogJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bhb datasets show TAG}: one dataset version's header and its first rows. */
@Command(name = "show", mixinStandardHelpOptions = true,
        customSynopsis = "bhb datasets show TAG --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]",
        description = {"Shows one dataset version: description, row count, content key, then its first rows.",
            "With --json: one object with the header fields and a rows array of {index, input, expected};"
                    + " expected is left out for a row without an expected value."})
final class DatasetShowCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 20;
    /** Longest value shown in a table cell, in characters; JSON has it whole. */
    static final int CELL_WIDTH = 80;

    @Parameters(index = "0", paramLabel = "TAG", converter = TagArgument.class,
            description = "name:vN, or name:latest for the highest version.")
    TagReference tag;

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @ParentCommand
    DatasetsCommand parent;

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
        try (ProjectSource source = ProjectSource.open(options.orElse(parent.options))) {
            DatasetVersionInfo version = source.datasetVersion(tag)
                    .orElseThrow(() -> source.missing("dataset version", tag));
            // the resolved tag, never name:latest, so pages never mix versions
            IndexedPages<DatasetRowView> rows = new IndexedPages<>(
                    (from, n) -> source.datasetRows(version.tag(), from, n), DatasetRowView::index, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.printObjectWithArray(out, CatalogJson.dataset(version), "rows", rows,
                        CatalogJson::datasetRow);
            } else {
                print(out, version, rows);
                if (version.rowCount() > limit) {
                    spec.commandLine().getErr().println("showing " + limit + " of " + version.rowCount()
                            + " rows; pass --limit N for more");
                }
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, DatasetVersionInfo version, IndexedPages<DatasetRowView> rows) {
        out.println(version.tag());
        Table.headless(2)
                .row("  description", Text.cut(version.description(), 200))
                .row("  rows", Integer.toString(version.rowCount()))
                .row("  created", Text.isoInstant(version.createdAtMicros()))
                .row("  content key", version.contentKey())
                .print(out);
        out.println();
        Table table = Table.withHeader("INDEX", "INPUT", "EXPECTED");
        for (DatasetRowView row : rows) {
            table.row(Integer.toString(row.index()), Text.cut(row.inputJson(), CELL_WIDTH),
                    row.expectedJson() == null ? "" : Text.cut(row.expectedJson(), CELL_WIDTH));
        }
        table.print(out);
    }
}
