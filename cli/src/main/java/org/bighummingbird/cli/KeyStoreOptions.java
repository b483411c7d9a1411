package org.bighummingbird.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.Names;
import org.bighummingbird.store.JdbcUrls;
import org.bighummingbird.store.Store;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Which store {@code bhb keys} writes to: a database by JDBC URL ({@code --db}, what a team server
 * runs on), else the embedded store under {@code --home} resolved as for every other command.
 */
final class KeyStoreOptions {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRES = "jdbc:postgresql:";

    @Option(names = "--db", paramLabel = "JDBC_URL", converter = JdbcUrl.class,
            description = "The server's database: jdbc:postgresql://… or jdbc:sqlite:FILE. Default: the store under --home.")
    String db;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The embedded store's directory. Default: -Dbhb.home, else $BHB_HOME, else ~/.bighummingbird.")
    Path home;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Opens the store, creating the embedded one when {@code create} is true. */
    Store open(boolean create) {
        if (db != null && home != null) {
            throw new ParameterException(command.commandLine(),
                    "--db and --home name two different stores; give one of them");
        }
        if (db != null) {
            if (!create) {
                requireSqliteFile();
            }
            return Store.open(db);
        }
        Path dir = (home != null ? home : StoreOptions.defaultHome()).toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(dir.resolve(Store.DB_FILE))) {
            throw new CommandFailure("there is no store under " + dir + ": no " + Store.DB_FILE
                    + " (create a key with 'bhb keys create', or pass --home DIR or --db JDBC_URL)");
        }
        return Store.openLocal(dir);
    }

    /** SQLite creates a missing file when opened; a plain file path must exist already. */
    private void requireSqliteFile() {
        if (!db.startsWith(SQLITE)) {
            return;
        }
        String path = db.substring(SQLITE.length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        if (!Files.isRegularFile(Path.of(path))) {
            throw new CommandFailure("there is no SQLite store at " + Text.oneLine(path) + " (--db " + Text.oneLine(db) + ")");
        }
    }

    /** Rejects what is not a store's JDBC URL while parsing, so it is a usage error (exit 2). */
    static final class JdbcUrl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.startsWith(SQLITE) && !value.startsWith(POSTGRES)) {
                throw new TypeConversionException("must be a JDBC URL starting with " + SQLITE + " or "
                        + POSTGRES + ", got \"" + JdbcUrls.redacted(value) + "\"");
            }
            return value;
        }
    }

    /** Rejects names no workspace can have while parsing, so they are usage errors (exit 2). */
    static final class WorkspaceName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Names.requireValid("workspace name", value);
            } catch (BhbException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
