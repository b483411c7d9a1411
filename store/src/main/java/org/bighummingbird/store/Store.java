package org.bighummingbird.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Names;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.core.VersionRegistration;

/**
 * The store: workspaces, projects, model versions, runs and API keys in SQLite or PostgreSQL. Thread-safe: on SQLite
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
    private final Projects projects;
    private final VersionRegistry versions;
    private final RunWriter runWriter;
    private final Queries queries;
    private final ApiKeys apiKeys;
    private final Datasets datasets;
    private final JudgeRegistry judges;
    private final Evaluations evaluations;
    private final EvaluationSweep sweep;
    private final Sessions sessions;
    private final DashboardQueries dashboard;

    private Store(Database db, String description, Path file) {
        this.db = db;
        this.description = description;
        this.file = file;
        this.fileKey = file == null ? null : fileKey(file);
        this.projects = new Projects(db);
        this.versions = new VersionRegistry(db);
        this.runWriter = new RunWriter(db, versions);
        this.queries = new Queries(db);
        this.apiKeys = new ApiKeys(db);
        this.datasets = new Datasets(db);
        this.judges = new JudgeRegistry(db);
        this.evaluations = new Evaluations(db);
        this.sweep = new EvaluationSweep(db);
        this.sessions = new Sessions(db, apiKeys, description);
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

    /**
     * Finds the project, creating it (and its workspace) when missing.
     *
     * @throws org.bighummingbird.core.InvalidName when either name breaks the naming rules
     */
    public ProjectRef project(String workspace, String name) {
        return createProject(workspace, name).project();
    }

    /**
     * Finds the project, creating it (and its workspace) when missing, and says whether this call
     * created it: of any number of concurrent callers naming one new project, in any number of
     * processes, exactly one sees {@code created}.
     *
     * @throws org.bighummingbird.core.InvalidName when either name breaks the naming rules
     */
    public ProjectCreation createProject(String workspace, String name) {
        Names.requireValid("workspace name", workspace);
        Names.requireValid("project name", name);
        return call(() -> projects.create(workspace, name));
    }

    /** The workspace's projects by name; empty for a workspace the store does not hold. */
    public List<ProjectInfo> projects(String workspace) {
        return call(() -> projects.list(workspace));
    }

    /** Finds a project without creating it. */
    public Optional<ProjectRef> findProject(String workspace, String name) {
        return call(() -> projects.find(workspace, name));
    }

    /**
     * Registers a model version: the existing tag when the key was seen for this model, else the
     * next version number. Atomic with any number of threads, processes and server instances.
     */
    public RegisteredVersion register(ProjectRef project, VersionRegistration registration) {
        return call(() -> versions.register(project, registration));
    }

    /**
     * Stores runs whose versions are registered, in one transaction, ignoring ids already stored.
     *
     * @return how many runs were new
     * @throws NotFound when a run names a version key that was never registered
     */
    public int insertRuns(ProjectRef project, List<RunRecord> runs) {
        return call(() -> runWriter.insert(project, runs));
    }

    /** Every version of every model in the project, by name then version. */
    public List<ModelVersionInfo> versions(ProjectRef project) {
        return call(() -> queries.versions(project));
    }

    /** One version with its code, metadata and output shapes. */
    public Optional<ModelVersionDetail> version(ProjectRef project, TagReference tag) {
        return call(() -> queries.version(project, tag));
    }

    /** The first page of the project's runs matching the query, newest first. */
    public List<RunView> runs(ProjectRef project, RunQuery query) {
        return runsPage(project, query, null).runs();
    }

    /**
     * A page of the project's runs matching the query, newest first (by start time, then id).
     * Paging with each page's {@link RunPage#nextCursor()} returns every matching run exactly once,
     * in order; runs stored meanwhile appear only if they sort after the cursor.
     *
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @throws IllegalArgumentException when the cursor is not one this store made
     */
    public RunPage runsPage(ProjectRef project, RunQuery query, String cursor) {
        RunCursor after = RunCursor.decode(cursor);
        return call(() -> queries.runsPage(project, query, after));
    }

    /** How many runs the project holds. */
    public long countRuns(ProjectRef project) {
        return call(() -> queries.countRuns(project));
    }

    /** Most rows {@link #datasetRows} returns in one page. */
    public static final int MAX_DATASET_PAGE = 10_000;

    /**
     * Registers a dataset version: the existing tag when the dataset has these rows (by content key)
     * already, and then nothing is written and the first upload's description stays; else the next
     * version number, its rows written in the same transaction, so no reader sees half a version.
     * Atomic with any number of concurrent uploaders in any number of processes.
     */
    public RegisteredDataset registerDataset(ProjectRef project, DatasetUpload upload) {
        return call(() -> datasets.register(project, upload));
    }

    /** Every version of every dataset in the project, by name then version; rows not included. */
    public List<DatasetVersionInfo> datasets(ProjectRef project) {
        return call(() -> datasets.list(project));
    }

    /** One dataset version's header; {@code name:latest} is the highest version. */
    public Optional<DatasetVersionInfo> datasetVersion(ProjectRef project, TagReference tag) {
        return call(() -> datasets.version(project, tag));
    }

    /**
     * A page of a dataset version's rows, in order, from index {@code fromIndex} (0 for the first
     * row; the next page starts at the last row's index + 1). Each page costs the same however deep.
     * Takes a {@link Tag}, not {@code name:latest}: resolve that once with {@link #datasetVersion},
     * so that every page comes from the same version.
     *
     * @param limit 1 to {@link #MAX_DATASET_PAGE}
     * @return up to {@code limit} rows; empty past the last row
     * @throws NotFound when the project has no such dataset version
     */
    public List<DatasetRowView> datasetRows(ProjectRef project, Tag tag, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must not be negative, got " + fromIndex);
        }
        if (limit < 1 || limit > MAX_DATASET_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_DATASET_PAGE + ", got " + limit);
        }
        return call(() -> datasets.rows(project, tag, fromIndex, limit));
    }

    /**
     * Registers a judge version: the existing tag when the key was seen for this judge, else the
     * next version number. Atomic with any number of threads, processes and server instances.
     */
    public RegisteredJudge registerJudge(ProjectRef project, JudgeRegistration registration) {
        return call(() -> judges.register(project, registration));
    }

    /** Every version of every judge in the project, by name then version. */
    public List<JudgeVersion> judges(ProjectRef project) {
        return call(() -> judges.list(project));
    }

    /** One judge version by tag; {@code name:latest} is the highest version. */
    public Optional<JudgeVersion> judge(ProjectRef project, TagReference tag) {
        return call(() -> judges.find(project, tag));
    }

    /** Most rows {@link #evaluationRows} returns in one page, and most evaluations one list returns. */
    public static final int MAX_EVALUATION_PAGE = 10_000;

    /**
     * How long a running evaluation may go without a heartbeat before {@link #abandonSilentEvaluations}
     * marks it abandoned, unless the caller says otherwise: 2 minutes, twelve times the SDK's default
     * heartbeat interval.
     */
    public static final Duration DEFAULT_EVALUATION_SILENCE = Duration.ofMinutes(2);

    /**
     * Creates a running evaluation of the model version over the dataset version scored by the
     * judge version, under the id the client chose. Idempotent: when an evaluation with that id
     * exists with the same versions and parallelism (a retry whose first answer was lost), that one
     * is answered, {@code created} false, whatever its status now. The model version may be missing
     * from this store (its runs went elsewhere); the dataset and judge versions must be here.
     *
     * @throws NotFound when the project has no such dataset or judge version
     * @throws EvaluationConflict when the id is taken by an evaluation with other content, or in
     *     another project
     */
    public EvaluationCreation createEvaluation(ProjectRef project, NewEvaluation evaluation) {
        return call(() -> evaluations.create(project, evaluation));
    }

    /**
     * Records that the process running the evaluation is alive, and returns the evaluation. Appending
     * rows and completing are heartbeats too.
     *
     * @throws NotFound when the project has no such evaluation
     * @throws IllegalStateException when it is not running (complete, failed or abandoned)
     */
    public EvaluationInfo heartbeatEvaluation(ProjectRef project, String evaluationId) {
        return call(() -> evaluations.heartbeat(project, evaluationId));
    }

    /**
     * Marks the running evaluations of every project whose last heartbeat is more than {@code
     * silence} before {@code now} {@code abandoned}, with the reason ({@code no heartbeat since
     * <instant> …}) as their failure; at most 1,000 per call (the next call takes the rest). Safe
     * to call from many processes and servers at once. Cheap when there is nothing to abandon: one
     * indexed read.
     *
     * @param now the time to measure from (a parameter, so that tests need not wait)
     * @return how many this call abandoned
     */
    public int abandonSilentEvaluations(Instant now, Duration silence) {
        if (silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("silence must be positive, got " + silence);
        }
        return call(() -> sweep.abandon(now, silence));
    }

    /**
     * Appends finished rows to a running evaluation in one transaction, all or none. Each row's index
     * must name a row of the evaluation's dataset version and its input must be that row's input (as
     * canonical JSON); a row stored already and sent again with the same content is not written
     * again (a retried batch is harmless), with other content it is a conflict. An empty batch is a
     * heartbeat.
     *
     * @throws NotFound when the project has no such evaluation
     * @throws EvaluationRowRejected when a row's index or input is not its dataset row's
     * @throws EvaluationRowConflict when an index is stored, or sent twice, with other content
     * @throws IllegalStateException when it is not running (complete, failed or abandoned)
     */
    public void appendEvaluationRows(ProjectRef project, String evaluationId, List<EvaluationRowView> rows) {
        call(() -> {
            evaluations.appendRows(project, evaluationId, rows);
            return null;
        });
    }

    /**
     * Marks a running evaluation complete, with its summary computed from the stored rows in the
     * same transaction, and returns it. Every row of its dataset version must have its evaluation
     * row; an evaluation that stopped early is failed with {@link #failEvaluation}.
     *
     * @throws NotFound when the project has no such evaluation
     * @throws EvaluationIncomplete when dataset rows have no evaluation row (it stays running)
     * @throws IllegalStateException when it is not running (complete, failed or abandoned)
     */
    public EvaluationInfo completeEvaluation(ProjectRef project, String evaluationId) {
        return call(() -> evaluations.complete(project, evaluationId));
    }

    /**
     * Marks a running evaluation failed with its reason.
     *
     * @return false when it was complete, failed or abandoned already, and is left as it was
     * @throws NotFound when the project has no such evaluation
     */
    public boolean failEvaluation(ProjectRef project, String evaluationId, String reason) {
        return call(() -> evaluations.fail(project, evaluationId, reason));
    }

    /** One evaluation by id; empty when the project has none with that id. */
    public Optional<EvaluationInfo> evaluation(ProjectRef project, String evaluationId) {
        return call(() -> evaluations.find(project, evaluationId));
    }

    /** The project's evaluations, newest first; {@code limit} 1 to {@link #MAX_EVALUATION_PAGE}. */
    public List<EvaluationInfo> evaluations(ProjectRef project, int limit) {
        requirePage(limit, MAX_EVALUATION_PAGE);
        return call(() -> evaluations.list(project, limit));
    }

    /**
     * A page of an evaluation's rows in index order from {@code fromIndex} (the next page starts at
     * the last row's index + 1); empty past the last row.
     *
     * @throws NotFound when the project has no such evaluation
     */
    public List<EvaluationRowView> evaluationRows(ProjectRef project, String evaluationId, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must not be negative, got " + fromIndex);
        }
        requirePage(limit, MAX_EVALUATION_PAGE);
        return call(() -> evaluations.rows(project, evaluationId, fromIndex, limit));
    }

    /**
     * Lines up two complete evaluations of one dataset version row by row (B against A).
     *
     * @throws NotFound when either is not in the project
     * @throws IllegalArgumentException when either is not complete, or they ran on different dataset versions
     */
    public EvaluationComparison compareEvaluations(ProjectRef project, String idA, String idB) {
        return call(() -> EvaluationComparisons.compare(evaluations, project, idA, idB));
    }

    /** The dashboard's reads: summaries, rollups, filtered run pages and trace trees. */
    public DashboardQueries dashboard() {
        return dashboard;
    }

    /** The judge's verdict on a run of a model traced in assess mode; empty for any other run. */
    public Optional<org.bighummingbird.core.RunAssessment> runAssessment(ProjectRef project, String runId) {
        return call(() -> db.read(c -> RunAssessments.read(c, project.id(), runId)));
    }

    private static void requirePage(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit must be 1 to " + max + ", got " + limit);
        }
    }

    /**
     * Creates an API key for the workspace, creating the workspace when missing. The returned token
     * ({@code bhb_<id>_<secret>}) is the only copy: the store keeps a SHA-256 of the secret.
     *
     * @param name the key's label: empty or up to 200 characters without control characters
     * @throws org.bighummingbird.core.InvalidName when the workspace name or the label is invalid
     */
    public NewApiKey createKey(String workspace, String name) {
        Names.requireValid("workspace name", workspace);
        ApiKeys.requireValidName(name);
        return call(() -> apiKeys.create(workspace, name));
    }

    /** Every API key of every workspace, by workspace then creation time; never a secret. */
    public List<ApiKeyInfo> keys() {
        return call(apiKeys::list);
    }

    /**
     * Revokes an API key: from then on it authenticates nothing.
     *
     * @return true when the key was active and is now revoked, false when it was revoked already
     * @throws NotFound when no key has this id
     */
    public boolean revokeKey(String id) {
        return call(() -> apiKeys.revoke(id));
    }

    /**
     * The workspace an API key belongs to, when {@code token} is an active key of this store; else
     * empty. A malformed token (wrong prefix or length, bad characters, null) is empty without a
     * database query. The secret is compared by hash in constant time, and never logged.
     *
     * @throws StoreUnavailable when the database cannot be read
     */
    public Optional<String> authenticate(String token) {
        return call(() -> apiKeys.authenticate(token));
    }

    /** Dashboard sessions and the keys' last use (see {@link Sessions}). */
    public Sessions sessions() {
        return sessions;
    }

    /**
     * Runs a trivial query: the health check of a server on this store.
     *
     * @throws StoreUnavailable when the database cannot be reached
     */
    public void ping() {
        call(() -> db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                return rs.next();
            }
        }));
    }

    private <T> T call(SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new StoreUnavailable("the " + description + " failed: " + e.getMessage(), e);
        }
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

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }
}
