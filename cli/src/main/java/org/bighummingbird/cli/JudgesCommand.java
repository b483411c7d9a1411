package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.json.CatalogJson;
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
    static final Listing<JudgeVersion> LISTING = Listing.of(CatalogJson::judge,
            j -> new String[] {j.tag().toString(), j.kind(), Text.humanInstant(j.createdAtMicros()),
                Text.cut(j.description(), 60)},
            "TAG", "KIND", "CREATED", "DESCRIPTION");

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options)) {
            LISTING.print(spec, json, source.judges(), "no judges in project \"" + options.project() + "\" yet");
        }
        return 0;
    }
}
