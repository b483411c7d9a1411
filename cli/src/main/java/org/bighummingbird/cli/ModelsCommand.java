package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.json.ViewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bhb models}: every version of every model in a project, by name then version. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelShowCommand.class,
        customSynopsis = {"bhb models --project=PROJECT [--json] [--home=DIR] [--verbose]",
            "       bhb models show TAG --project=PROJECT [--json] [--home=DIR] [--verbose]"},
        description = "Lists the model versions of a project: tag, runs, when first seen, fingerprint.")
final class ModelsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options)) {
            List<ModelVersionInfo> versions = source.versions();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.printArray(out, versions, ViewJson::version);
            } else if (versions.isEmpty()) {
                spec.commandLine().getErr().println("no models in project \"" + options.project() + "\" yet");
            } else {
                Table table = Table.withHeader("TAG", "RUNS", "CREATED", "FINGERPRINT");
                for (ModelVersionInfo v : versions) {
                    table.row(v.tag().toString(), Long.toString(v.runCount()),
                            Text.humanInstant(v.createdAtMicros()), Text.shortFingerprint(v.versionKey()));
                }
                table.print(out);
            }
        }
        return 0;
    }
}
