package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bighummingbird.store.DatasetVersionInfo;
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

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StoreAccess access = StoreAccess.open(options)) {
            List<DatasetVersionInfo> versions = access.store().datasets(access.project());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.printArray(out, versions, DatasetsCommand::toJson);
            } else if (versions.isEmpty()) {
                spec.commandLine().getErr().println("no datasets in project \"" + options.project() + "\" yet");
            } else {
                Table table = Table.withHeader("TAG", "ROWS", "CREATED", "DESCRIPTION");
                for (DatasetVersionInfo v : versions) {
                    table.row(v.tag().toString(), Integer.toString(v.rowCount()), Text.humanInstant(v.createdAtMicros()),
                            Text.cut(v.description(), DESCRIPTION_WIDTH));
                }
                table.print(out);
            }
        }
        return 0;
    }

    /** The header fields of a version, shared by {@code datasets} and {@code datasets show}. */
    static ObjectNode toJson(DatasetVersionInfo v) {
        ObjectNode node = JsonOutput.object();
        node.put("tag", v.tag().toString());
        node.put("name", v.tag().name());
        node.put("version", v.tag().version());
        node.put("rowCount", v.rowCount());
        node.put("description", v.description());
        node.put("contentKey", v.contentKey());
        node.put("createdAt", Text.isoInstant(v.createdAtMicros()));
        return node;
    }
}
