package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.json.CatalogJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bhb datasets}: every version of every dataset in a project, by name then version. */
@Command(name = "datasets", mixinStandardHelpOptions = true, subcommands = DatasetShowCommand.class,
        customSynopsis = {"bhb datasets --project=PROJECT [--json] [--home=DIR] [--verbose]",
            "       bhb datasets show TAG --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]"},
        description = "Lists the dataset versions of a project: tag, rows, when first uploaded, description.")
final class DatasetsCommand implements Callable<Integer> {
    /** Longest description shown in the table, in characters; JSON has it whole. */
    static final int DESCRIPTION_WIDTH = 60;
    static final Listing<DatasetVersionInfo> LISTING = Listing.of(CatalogJson::dataset,
            v -> new String[] {v.tag().toString(), Integer.toString(v.rowCount()), Text.humanInstant(v.createdAtMicros()),
                Text.cut(v.description(), DESCRIPTION_WIDTH)},
            "TAG", "ROWS", "CREATED", "DESCRIPTION");

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options)) {
            LISTING.print(spec, json, source.datasets(), "no datasets in project \"" + options.project() + "\" yet");
        }
        return 0;
    }
}
