package org.bighummingbird.store;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;

/**
 * The model versions' capsules ({@link Store#capsules()}): class files stored once by SHA-256, and
 * per version the serialized function, its classes and whether it is runnable. A capsule is written
 * once, by the first process that captured it; later puts change nothing. Thread-safe.
 */
public final class CapsuleStore {
    private final Database db;
    private final StoreCalls calls;

    CapsuleStore(Database db, StoreCalls calls) {
        this.db = db;
        this.calls = calls;
    }

    /**
     * A version's capsule with the version it belongs to.
     *
     * @param tag the version's tag ({@code latest} resolved)
     * @param capsule its capsule, or null when none was recorded
     */
    public record VersionCapsule(Tag tag, Capsule capsule) {}

    /**
     * Stores a version's capsule unless it has one. Every class the capsule names must be among
     * {@code classFiles} or stored already.
     *
     * @param classFiles class file bytes by their SHA-256; each is checked against its digest
     * @return false when the version already had a capsule
     * @throws NotFound when the project has no such version
     * @throws IllegalArgumentException when a class file does not match its digest, or one is missing
     */
    public boolean put(ProjectRef project, Tag tag, Capsule capsule, Map<String, byte[]> classFiles) {
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            if (!Hashing.hex(digest(e.getValue())).equals(e.getKey())) {
                throw new IllegalArgumentException("class file " + e.getKey() + " does not match its SHA-256 digest");
            }
        }
        return calls.call(() -> db.transaction(c -> {
            String versionId = versionId(c, project, new TagReference(tag.name(), tag.version()));
            if (versionId == null) {
                throw new NotFound("no model version " + tag + " in project " + project.name());
            }
            if (exists(c, "SELECT 1 FROM version_capsules WHERE version_id = ?", versionId)) {
                return false;
            }
            for (Capsule.ClassRef ref : capsule.classes()) {
                byte[] bytes = classFiles.get(ref.sha256());
                if (bytes != null) {
                    insertClassFile(c, ref.sha256(), bytes);
                } else if (!exists(c, "SELECT 1 FROM class_files WHERE digest = ?", ref.sha256())) {
                    throw new IllegalArgumentException("class file " + ref.sha256() + " of " + ref.name()
                            + " is neither given nor stored");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_capsules"
                    + " (version_id, runnable, reason, function_bytes, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, versionId);
                ps.setBoolean(2, capsule.runnable());
                ps.setString(3, capsule.reason());
                ps.setBytes(4, capsule.function());
                ps.setLong(5, Clock.nowMicros());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO capsule_classes (version_id, class_name, digest) VALUES (?, ?, ?)")) {
                for (Capsule.ClassRef ref : capsule.classes()) {
                    ps.setString(1, versionId);
                    ps.setString(2, ref.name());
                    ps.setString(3, ref.sha256());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        }));
    }

    /** Which of these digests have no stored class file: what a client still has to send. */
    public Set<String> missing(Collection<String> digests) {
        return calls.call(() -> db.read(c -> {
            Set<String> missing = new LinkedHashSet<>();
            for (String d : digests) {
                if (!exists(c, "SELECT 1 FROM class_files WHERE digest = ?", d)) {
                    missing.add(d);
                }
            }
            return missing;
        }));
    }

    /** A version's capsule; {@code name:latest} is the highest version; empty when the version is unknown. */
    public Optional<VersionCapsule> find(ProjectRef project, TagReference tag) {
        return calls.call(() -> db.read(c -> {
            String sql = "SELECT v.id, v.version FROM model_versions v JOIN models m ON m.id = v.model_id"
                    + " WHERE m.project_id = ? AND m.name = ? AND v.version = "
                    + (tag.isLatest() ? Queries.LATEST_VERSION : "?");
            String versionId;
            int version;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, project.id());
                ps.setString(2, tag.name());
                if (!tag.isLatest()) {
                    ps.setInt(3, tag.version());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    versionId = rs.getString(1);
                    version = rs.getInt(2);
                }
            }
            return Optional.of(new VersionCapsule(new Tag(tag.name(), version), capsule(c, versionId)));
        }));
    }

    /**
     * A class file by digest, when a capsule of this project names it: another project's class files
     * are indistinguishable from missing ones.
     */
    public Optional<byte[]> classFile(ProjectRef project, String digest) {
        return calls.call(() -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.bytes FROM class_files f WHERE f.digest = ?"
                    + " AND EXISTS (SELECT 1 FROM capsule_classes cc JOIN model_versions v ON v.id = cc.version_id"
                    + " JOIN models m ON m.id = v.model_id WHERE cc.digest = f.digest AND m.project_id = ?)")) {
                ps.setString(1, digest);
                ps.setString(2, project.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        }));
    }

    private static Capsule capsule(Connection c, String versionId) throws SQLException {
        boolean runnable;
        String reason;
        byte[] function;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT runnable, reason, function_bytes FROM version_capsules WHERE version_id = ?")) {
            ps.setString(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                runnable = rs.getBoolean(1);
                reason = rs.getString(2);
                function = rs.getBytes(3);
            }
        }
        List<Capsule.ClassRef> classes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT class_name, digest FROM capsule_classes WHERE version_id = ? ORDER BY class_name")) {
            ps.setString(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classes.add(new Capsule.ClassRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new Capsule(runnable, reason, function, classes);
    }

    private static String versionId(Connection c, ProjectRef project, TagReference tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id FROM model_versions v JOIN models m"
                + " ON m.id = v.model_id WHERE m.project_id = ? AND m.name = ? AND v.version = ?")) {
            ps.setString(1, project.id());
            ps.setString(2, tag.name());
            ps.setInt(3, tag.version());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void insertClassFile(Connection c, String digest, byte[] bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO class_files (digest, size, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, digest);
            ps.setInt(2, bytes.length);
            ps.setBytes(3, bytes);
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static byte[] digest(byte[] bytes) {
        MessageDigest md = Hashing.sha256();
        return md.digest(bytes);
    }
}
