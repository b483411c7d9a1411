package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.json.ViewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bhb judges}: every version of every judge in a project, by name then version. */
@Command(name = "judges", mixinStandardHelpOptions = true, subcommands = JudgeShowCommand.class,
        customSynopsis = {"bhb judges --project=PROJECT [--json] [--home=DIR] [--verbose]",
            "       bhb judges show TAG --project=PROJECT [--json] [--home=DIR] [--verbose]"},
        description = "Lists the judge versions of a project: tag, kind, when first seen, description.")
final class JudgesCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StoreAccess access = StoreAccess.openEmbedded(options, "judges")) {
            List<JudgeVersion> judges = access.store().judges(access.project());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.printArray(out, judges, JudgesCommand::toJson);
            } else if (judges.isEmpty()) {
                spec.commandLine().getErr().println("no judges in project \"" + options.project() + "\" yet");
            } else {
                Table table = Table.withHeader("TAG", "KIND", "CREATED", "DESCRIPTION");
                for (JudgeVersion j : judges) {
                    table.row(j.tag().toString(), j.kind(), Text.humanInstant(j.createdAtMicros()),
                            Text.cut(j.description(), 60));
                }
                table.print(out);
            }
        }
        return 0;
    }

    /** The listing fields of a judge version, shared by {@code judges} and {@code judges show}. */
    static ObjectNode toJson(JudgeVersion j) {
        ObjectNode node = JsonOutput.object();
        node.put("tag", j.tag().toString());
        node.put("name", j.tag().name());
        node.put("version", j.tag().version());
        node.put("kind", j.kind());
        node.put("description", j.description());
        node.put("key", j.key());
        node.set("spec", ViewJson.parseStored(j.specJson()));
        node.put("createdAt", Text.isoInstant(j.createdAtMicros()));
        return node;
    }
}
