package org.bighummingbird.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The store: workspaces, projects, model versions, runs, datasets, judges, evaluations and API keys in SQLite or
 * PostgreSQL, each area behind its own object ({@link #projects()}, {@link #models()}, {@link #runs()},
 * {@link #datasets()}, {@link #judges()}, {@link #evaluations()}, {@link #apiKeys()}); the store itself opens,
 * migrates, checks and closes the database. Thread-safe: on SQLite
 * writes are serialised on one connection and reads run beside them on a few connections of their own; on
 * PostgreSQL calls run concurrently on a small pool.
 * Open with {@link #openLocal(Path)} or {@link #open(String)}.
 */
public final class Store implements AutoCloseable {
    /** The workspace of the embedded store. */
    public static final String DEFAULT_WORKSPACE = "default";
    /** The database file's name inside a BigHummingbird home. */
    public static final String DB_FILE = "bhb.db";

    private final Database db;
    private final String description;
    private final Path file;
    private final Object fileKey;
    private final StoreCalls calls;
    private final ProjectStore projects;
    private final ModelStore models;
    private final CapsuleStore capsules;
    private final RunStore runs;
    private final DatasetStore datasets;
    private final JudgeStore judges;
    private final EvaluationStore evaluations;
    private final ApiKeyStore apiKeys;
    private final Sessions sessions;
    private final LoginFailures loginFailures;
    private final DashboardQueries dashboard;

    private Store(Database db, String description, Path file) {
        this.db = db;
        this.description = description;
        this.file = file;
        this.fileKey = file == null ? null : fileKey(file);
        this.calls = new StoreCalls(description);
        VersionRegistry versions = new VersionRegistry(db);
        Queries queries = new Queries(db);
        this.projects = new ProjectStore(db, calls);
        this.models = new ModelStore(versions, queries, calls);
        this.capsules = new CapsuleStore(db, calls);
        this.runs = new RunStore(db, versions, queries, calls);
        this.datasets = new DatasetStore(db, calls);
        this.judges = new JudgeStore(db, calls);
        this.evaluations = new EvaluationStore(db, calls);
        ApiKeys keys = new ApiKeys(db);
        this.apiKeys = new ApiKeyStore(keys, calls);
        this.sessions = new Sessions(db, keys, description);
        this.loginFailures = new LoginFailures(db, calls);
        this.dashboard = new DashboardQueries(db, description);
    }

    /**
     * Opens (creating when missing) the embedded store {@code home/bhb.db}, migrated to the newest
     * schema. Fails fast: a home that cannot be created or written, or a file that is not a
     * database, is an exception here rather than a lost run later.
     *
     * @throws StoreUnavailable when {@code home} cannot be created or written
     * @throws StoreCorrupt when {@code home/bhb.db} is not a readable database
     */
    public static Store openLocal(Path home) {
        Path dir = home.toAbsolutePath().normalize();
        requireWritableDirectory(dir);
        Path file = dir.resolve(DB_FILE);
        String url = "jdbc:sqlite:" + file;
        // Processes opening one fresh store at once would race on the schema; one at a time.
        synchronized (Store.class) {
            try (FileChannel channel = FileChannel.open(dir.resolve(".bhb.lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return open(url, "store " + file, file);
            } catch (IOException e) {
                throw new StoreUnavailable("cannot lock the store at " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Opens the store at a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}), migrated
     * to the newest schema.
     */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, "store " + JdbcUrls.redacted(jdbcUrl), null);
    }

    private static Store open(String url, String description, Path file) {
        Database db;
        try {
            db = Database.connect(url);
        } catch (SQLException e) {
            if (isCorrupt(e)) {
                throw corrupt(description, e);
            }
            throw new StoreUnavailable("cannot open the " + description + ": " + e.getMessage(), e);
        }
        try {
            checkReadable(db, description);
            if (!schemaCurrent(db)) {
                Migrations.migrate(url);
            }
            return new Store(db, description, file);
        } catch (RuntimeException e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    private static void checkReadable(Database db, String description) {
        try {
            db.read(c -> {
                try (var s = c.createStatement()) {
                    s.execute(db.dialect() == Dialect.SQLITE ? "PRAGMA schema_version" : "SELECT 1");
                }
                return null;
            });
        } catch (SQLException e) {
            throw corrupt(description, e);
        }
    }

    /** SQLite's result codes for a file that is not a database (26) or is damaged (11). */
    private static boolean isCorrupt(SQLException e) {
        return e.getErrorCode() == 26 || e.getErrorCode() == 11;
    }

    private static StoreCorrupt corrupt(String description, SQLException e) {
        return new StoreCorrupt("the " + description + " is not a database SQLite can read (" + e.getMessage()
                + "); move the file away to start a new store", e);
    }

    private static boolean schemaCurrent(Database db) {
        try {
            return db.read(Migrations::isCurrent);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StoreUnavailable("the store directory " + dir + " is not writable: " + e, e);
        }
    }

    private static void closeQuietly(Database db, Exception cause) {
        try {
            db.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The database this store runs on. */
    public Dialect dialect() {
        return db.dialect();
    }

    /** The database file of an embedded store, if this is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Whether the database file is still the one this store opened. A file deleted or replaced
     * while open is not: SQLite would go on writing into the unlinked file, and every write would be
     * lost. Always true for a server database.
     */
    public boolean fileIntact() {
        return file == null || (fileKey != null && fileKey.equals(fileKey(file)));
    }

    private static Object fileKey(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The workspaces and projects. */
    public ProjectStore projects() {
        return projects;
    }

    /** The model versions: registration, listing by page, one version's detail. */
    public ModelStore models() {
        return models;
    }

    /** The model versions' capsules: class files by digest, serialized functions, runnability. */
    public CapsuleStore capsules() {
        return capsules;
    }

    /** The runs: batch writes, pages of runs, counts and assess-mode verdicts. */
    public RunStore runs() {
        return runs;
    }

    /** The dataset versions and their rows. */
    public DatasetStore datasets() {
        return datasets;
    }

    /** The judge versions. */
    public JudgeStore judges() {
        return judges;
    }

    /** The evaluations, their rows, comparisons and the sweep of abandoned ones. */
    public EvaluationStore evaluations() {
        return evaluations;
    }

    /** The dashboard's reads: summaries, rollups, filtered run pages and trace trees. */
    public DashboardQueries dashboard() {
        return dashboard;
    }

    /** The team server's API keys. */
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** Dashboard sessions and the keys' last use (see {@link Sessions}). */
    public Sessions sessions() {
        return sessions;
    }

    /** Failed dashboard logins per address, shared by every server on the database (see {@link LoginFailures}). */
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    /**
     * Runs a trivial query: the health check of a server on this store.
     *
     * @throws StoreUnavailable when the database cannot be reached
     */
    public void ping() {
        calls.call(() -> db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                return rs.next();
            }
        }));
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreUnavailable("cannot close the " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
