package org.bighummingbird.cli;

import java.util.concurrent.Callable;
import org.bighummingbird.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bhb keys revoke ID}: the key stops authenticating at once. Revoking a revoked key changes
 * nothing and says so (exit 0); an unknown id exits 1.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revokes an API key by its id (the 12 hex characters after bhb_).")
final class KeysRevokeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The key's id, as 'bhb keys list' shows it.")
    String id;

    @Mixin
    KeyStoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean revoked;
        try (Store store = options.open(false)) {
            revoked = store.apiKeys().revoke(id);
        }
        spec.commandLine().getOut().println(revoked
                ? "Revoked key " + id + "; it no longer authenticates."
                : "Key " + id + " was revoked already; nothing changed.");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
