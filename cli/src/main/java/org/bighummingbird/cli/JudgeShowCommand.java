package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.json.CatalogJson;
import org.bighummingbird.store.json.ViewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bhb judges show TAG}: one judge version with its kind, description, spec and code. */
@Command(name = "show", mixinStandardHelpOptions = true,
        customSynopsis = "bhb judges show TAG --project=PROJECT [--json] [--home=DIR] [--verbose]",
        description = "Shows one judge version: kind, description, spec (or a code judge's fingerprints) and code.")
final class JudgeShowCommand implements Callable<Integer> {
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
    JudgesCommand parent;

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options.orElse(parent.options))) {
            JudgeVersion judge = source.judge(tag).orElseThrow(() -> source.missing("judge version", tag));
            Shown.print(spec, json, judge, CatalogJson::judgeDetail, JudgeShowCommand::print);
        }
        return 0;
    }

    private static void print(JudgeVersion judge, PrintWriter out) {
        out.println(judge.tag());
        Table.headless(2)
                .row("  kind", judge.kind())
                .row("  created", Text.isoInstant(judge.createdAtMicros()))
                .row("  key", judge.key())
                .print(out);
        out.println();
        out.println("Description");
        printBlock(judge.description().isEmpty() ? "(none)" : judge.description(), out);
        out.println();
        out.println("Spec");
        Table spec = Table.headless(2);
        JsonNode node = ViewJson.parseStored(judge.specJson());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                String text = value.isValueNode() ? value.asText() : JsonOutput.compact(value);
                spec.row("  " + field.getKey(), Text.cut(text, 200));
            }
        } else {
            spec.row("  (spec)", Text.cut(judge.specJson(), 200));
        }
        spec.print(out);
        if (!judge.code().isEmpty()) {
            out.println();
            out.println("Code");
            printBlock(judge.code(), out);
        }
        out.flush();
    }

    private static void printBlock(String text, PrintWriter out) {
        for (String line : Text.multiLine(text).split("\n", -1)) {
            out.println(("  " + line).stripTrailing());
        }
    }
}
