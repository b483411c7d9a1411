package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.store.ModelPage;
import org.bighummingbird.store.ModelStore;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.json.ViewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bhb models}: the versions of the models in a project, by name then version, read a page at a time. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelShowCommand.class,
        customSynopsis = {"bhb models --project=PROJECT [--limit=N] [--json] [--home=DIR] [--verbose]",
            "       bhb models show TAG --project=PROJECT [--json] [--home=DIR] [--verbose]"},
        description = "Lists the model versions of a project: tag, when first seen, fingerprint"
                + " (bhb models show TAG has a version's run count).")
final class ModelsCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 1_000;
    static final Listing<ModelVersionInfo> LISTING = Listing.of(ViewJson::version,
            v -> new String[] {v.tag().toString(), Text.humanInstant(v.createdAtMicros()),
                Text.shortFingerprint(v.versionKey())},
            "TAG", "CREATED", "FINGERPRINT");

    @Mixin
    StoreOptions options;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private long limit = DEFAULT_LIMIT;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "The most versions to print, 1 or more; default ${DEFAULT-VALUE}.")
    void limit(long value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, got " + value);
        }
        this.limit = value;
    }

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options)) {
            CursorPages<ModelVersionInfo> versions = new CursorPages<>((cursor, size) -> {
                ModelPage page = source.modelsPage(size, cursor);
                return new CursorPages.Page<>(page.versions(), page.nextCursor());
            }, limit, ModelStore.MAX_PAGE);
            LISTING.print(spec, json, versions, "no models in project \"" + options.project() + "\" yet");
        }
        return 0;
    }
}
