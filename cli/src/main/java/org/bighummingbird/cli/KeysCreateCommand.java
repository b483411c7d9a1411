package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.store.NewApiKey;
import org.bighummingbird.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bhb keys create}: a new key for a workspace (created when missing). The key is printed
 * once, alone on the last line of stdout, so {@code $(bhb keys create …)} captures exactly it; the
 * notice saying what was made goes to stderr.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates an API key for a workspace and prints it once, as the last line of stdout.")
final class KeysCreateCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "WORKSPACE", required = true,
            converter = KeyStoreOptions.WorkspaceName.class, description = "The workspace the key may use.")
    String workspace;

    @Option(names = "--name", paramLabel = "LABEL", defaultValue = "",
            description = "A label saying who or what holds the key. Default: none.")
    String name;

    @Mixin
    KeyStoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Store store = options.open(true)) {
            NewApiKey key = store.apiKeys().create(workspace, name);
            // Not the store's description: a PostgreSQL URL may carry a password.
            String where = store.file().map(f -> " in " + f).orElse("");
            spec.commandLine().getErr().println("Created key " + key.info().id() + " for workspace \""
                    + Text.oneLine(workspace) + "\"" + where + "; it is shown once.");
            spec.commandLine().getErr().flush();
            spec.commandLine().getOut().println(key.token());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
