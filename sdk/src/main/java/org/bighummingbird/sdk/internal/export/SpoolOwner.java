package org.bighummingbird.sdk.internal.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bighummingbird.core.RandomTokens;

/**
 * Who owns the files a {@link Spool} names after itself: the holder of an OS file lock on
 * {@code owner-<id>.lock} in the spool directory, kept for as long as the spool is open. Unlike a
 * pid, the lock means the same in every pid namespace (two containers whose application is pid 1,
 * sharing a volume), and the OS releases it when its process dies, even by SIGKILL. Files named by
 * an earlier SDK after {@code <pid>.<start millis>} are judged by that pid, as that SDK did. Not
 * thread-safe; {@link #isGone} may be called from any thread.
 */
final class SpoolOwner implements AutoCloseable {
    /** What a file name holds as its owner: a lock owner's id, or an earlier SDK's pid and start time. */
    static final String NAME = "[0-9a-f]{16}|\\d+\\.\\d+";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    /**
     * Owners in this JVM. Their lock files must never be opened here: on Linux, closing any channel
     * on a file releases every lock this process holds on it, the owner's too.
     */
    private static final Set<String> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final String id;
    private FileChannel channel;
    private FileLock lock;

    SpoolOwner(Path dir) {
        this.dir = dir;
        this.id = RandomTokens.hex(8);
    }

    /** This owner as file names hold it. */
    String id() {
        return id;
    }

    /**
     * Takes the lock unless held already; before any file is named after this owner, so that a file
     * with its name always has a live lock behind it until {@link #close()}. Also removes the lock
     * files of owners that are gone.
     */
    void acquire() throws IOException {
        if (lock != null) {
            return;
        }
        Files.createDirectories(dir);
        IN_THIS_JVM.add(id);
        try {
            channel = FileChannel.open(lockFile(dir, id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("could not lock " + lockFile(dir, id) + ", a file no one else knows of");
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            IN_THIS_JVM.remove(id);
            throw e;
        }
        removeStaleLocks();
    }

    /** Whether the owner a file name holds is gone: its lock is free, or it never had one. */
    static boolean isGone(Path dir, String owner) {
        if (IN_THIS_JVM.contains(owner)) {
            return false;
        }
        if (!ID.matcher(owner).matches()) {
            return legacyOwnerIsGone(owner);
        }
        try (FileChannel other = FileChannel.open(lockFile(dir, owner), StandardOpenOption.WRITE)) {
            FileLock free = other.tryLock();
            if (free == null) {
                return false;
            }
            // the owner died without closing: its lock file is left over
            Files.deleteIfExists(lockFile(dir, owner));
            free.release();
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    /** An earlier SDK's {@code <pid>.<start millis>}: gone unless a process with that pid and start runs. */
    private static boolean legacyOwnerIsGone(String owner) {
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('.')));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> !legacyName(p).equals(owner))
                .orElse(true);
    }

    private static String legacyName(ProcessHandle process) {
        return process.pid() + "." + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private void removeStaleLocks() throws IOException {
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(dir, "owner-*.lock")) {
            for (Path file : locks) {
                String name = file.getFileName().toString();
                String owner = name.substring("owner-".length(), name.length() - ".lock".length());
                if (ID.matcher(owner).matches() && !owner.equals(id)) {
                    isGone(dir, owner);
                }
            }
        }
    }

    private static Path lockFile(Path dir, String owner) {
        return dir.resolve("owner-" + owner + ".lock");
    }

    /** Gives up ownership: the lock file goes first, so no one finds it locked by a closed owner. */
    @Override
    public void close() throws IOException {
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(lockFile(dir, id));
            lock.release();
        } finally {
            channel.close();
            lock = null;
            channel = null;
            IN_THIS_JVM.remove(id);
        }
    }
}
