package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bighummingbird.store.ApiKeyInfo;
import org.bighummingbird.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bhb keys list}: every key by workspace then creation; the store holds no secrets to show. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists API keys: id, workspace, name, when created and when revoked.")
final class KeysListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Mixin
    KeyStoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ApiKeyInfo> keys;
        try (Store store = options.open(false)) {
            keys = store.apiKeys().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.printArray(out, keys, KeysListCommand::toJson);
        } else if (keys.isEmpty()) {
            spec.commandLine().getErr().println("no API keys yet; make one with 'bhb keys create --workspace W'");
        } else {
            Table table = Table.withHeader("ID", "WORKSPACE", "NAME", "CREATED", "REVOKED");
            for (ApiKeyInfo k : keys) {
                table.row(k.id(), k.workspace(), k.name(), Text.humanInstant(k.createdAtMicros()),
                        k.revoked() ? Text.humanInstant(k.revokedAtMicros()) : "-");
            }
            table.print(out);
        }
        return 0;
    }

    static ObjectNode toJson(ApiKeyInfo k) {
        ObjectNode node = JsonOutput.object();
        node.put("id", k.id());
        node.put("workspace", k.workspace());
        node.put("name", k.name());
        node.put("createdAt", Text.isoInstant(k.createdAtMicros()));
        if (k.revoked()) {
            node.put("revokedAt", Text.isoInstant(k.revokedAtMicros()));
        } else {
            node.putNull("revokedAt");
        }
        node.put("revoked", k.revoked());
        return node;
    }
}
