package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.json.ViewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bhb models show TAG}: one version with its signature, output shapes, code and metadata. */
@Command(name = "show", mixinStandardHelpOptions = true,
        customSynopsis = "bhb models show TAG --project=PROJECT [--json] [--home=DIR] [--verbose]",
        description = "Shows one model version: signature, output shapes seen, code, metadata and run count.")
final class ModelShowCommand implements Callable<Integer> {
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
    ModelsCommand parent;

    @Override
    public Integer call() {
        try (ProjectSource source = ProjectSource.open(options.orElse(parent.options))) {
            ModelVersionDetail detail = source.version(tag).orElseThrow(() -> source.noVersion(tag));
            Shown.print(spec, json, detail, ViewJson::versionDetail, (d, out) -> new VersionReport(d).print(out));
        }
        return 0;
    }
}
