package org.bighummingbird.cli;

import picocli.CommandLine.Command;

/**
 * {@code bhb keys}: makes, lists and revokes the API keys of a team server, straight in its database,
 * with no server running. Without a subcommand it is a usage error.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class},
        description = "Creates, lists and revokes API keys in the store (no server needed).")
final class KeysCommand {}
