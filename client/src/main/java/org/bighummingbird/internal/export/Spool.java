package org.bighummingbird.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;

/**
 * Runs that could not be delivered, as JSON lines under {@code BHB_HOME/spool}. Each process writes
 * its own segment ({@code .part} while open); finished segments ({@code .jsonl}) are claimed for
 * replay by an atomic rename, so two processes never replay one file, and files left by a process
 * that died are claimed by the next. Bounded by a byte budget across the directory. Used by the
 * exporter thread only; not thread-safe.
 */
final class Spool implements AutoCloseable {
    private static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    private static final Pattern PART = Pattern.compile("spool-\\d+-(\\d+\\.\\d+)-\\d+\\.jsonl\\.part");
    private static final Pattern REPLAY = Pattern.compile("spool-\\d+-\\d+\\.\\d+-\\d+\\.jsonl\\.replay-(\\d+\\.\\d+)");
    /**
     * This process as files name it: pid and start time, since a pid alone repeats (a container's
     * application is pid 1 at every start, and pids are reused).
     */
    private static final String OWNER = owner(ProcessHandle.current());

    private final Path dir;
    private final long maxBytes;
    private long bytes = -1;
    private BufferedWriter out;
    private Path segment;
    private long segmentBytes;
    private int sequence;
    private final Set<String> registeredInSegment = new HashSet<>();

    Spool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /**
     * Appends runs (and the registrations of their versions not yet in this segment).
     *
     * @return false when the byte budget is spent: the runs were not written
     */
    boolean append(String project, List<VersionRegistration> registrations, List<RunRecord> runs) throws IOException {
        StringBuilder text = new StringBuilder(runs.size() * 256);
        for (VersionRegistration reg : registrations) {
            if (registeredInSegment.add(project + '\u0000' + PendingVersion.id(reg.modelName(), reg.key()))) {
                line(text, new SpoolLine(project, reg, null));
            }
        }
        for (RunRecord run : runs) {
            line(text, new SpoolLine(project, null, run));
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        if (usedBytes() + data.length > maxBytes) {
            return false;
        }
        if (out == null || segmentBytes > SEGMENT_BYTES) {
            rotate();
        }
        out.write(text.toString());
        out.flush();
        segmentBytes += data.length;
        bytes += data.length;
        return true;
    }

    private static void line(StringBuilder text, SpoolLine line) throws IOException {
        text.append(Json.MAPPER.writeValueAsString(line)).append('\n');
    }

    /** Finishes this process's open segment, making it claimable. */
    private void rotate() throws IOException {
        closeSegment();
        Files.createDirectories(dir);
        segment = dir.resolve("spool-" + System.currentTimeMillis() + "-" + OWNER + "-" + (sequence++) + ".jsonl.part");
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(segment, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), StandardCharsets.UTF_8), 64 * 1024);
        segmentBytes = 0;
        registeredInSegment.clear();
    }

    /** Whether anything is waiting to be replayed, by this process or another. */
    boolean hasData() {
        return segmentBytes > 0 || !claimable().isEmpty();
    }

    /**
     * Claims the oldest replayable file: this process's finished segments, other processes'
     * finished ones, and files of processes that died. Rotates the open segment first when it has
     * data, so it can be replayed too.
     *
     * @return the claimed file, or null when there is none
     */
    Path claim() throws IOException {
        if (segmentBytes > 0) {
            closeSegment();
        }
        for (Path candidate : claimable()) {
            Path claimed = dir.resolve(baseName(candidate) + ".replay-" + OWNER);
            try {
                Files.move(candidate, claimed, StandardCopyOption.ATOMIC_MOVE);
                return claimed;
            } catch (NoSuchFileException | AtomicMoveNotSupportedException e) {
                // another process claimed it first
            }
        }
        return null;
    }

    /** Reads a claimed file's lines. */
    static List<SpoolLine> read(Path claimed) throws IOException {
        List<SpoolLine> lines = new ArrayList<>();
        for (String text : Files.readAllLines(claimed, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            try {
                lines.add(Json.MAPPER.readValue(text, SpoolLine.class));
            } catch (IOException | RuntimeException e) {
                // a torn last line from a crash: the runs before it are still good
            }
        }
        return lines;
    }

    /** Deletes a claimed file whose content was delivered. */
    void done(Path claimed) throws IOException {
        long size = Files.size(claimed);
        Files.deleteIfExists(claimed);
        if (bytes >= 0) {
            bytes = Math.max(0, bytes - size);
        }
    }

    /**
     * Sets a claimed file aside for good, as {@code rejected-spool-…}: never replayed, and no longer
     * counted against the budget.
     */
    Path reject(Path claimed) {
        Path rejected = dir.resolve("rejected-" + baseName(claimed));
        try {
            long size = Files.size(claimed);
            Files.move(claimed, rejected, StandardCopyOption.ATOMIC_MOVE);
            if (bytes >= 0) {
                bytes = Math.max(0, bytes - size);
            }
            return rejected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a claimed file back for a later replay. When even that fails, the file keeps its claim
     * and is replayed after this process ends, by the next one.
     */
    void release(Path claimed) {
        try {
            Files.move(claimed, dir.resolve(baseName(claimed)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the claim names this process: once it is gone, the next process claims the file
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int cut = name.indexOf(".jsonl");
        return name.substring(0, cut) + ".jsonl";
    }

    private List<Path> claimable() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "spool-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jsonl")) {
                    out.add(file);
                } else if (!file.equals(segment) && ownerIsGone(name)) {
                    out.add(file);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** Whether a {@code .part} or {@code .replay-OWNER} file belongs to a process that no longer runs. */
    private static boolean ownerIsGone(String name) {
        Matcher part = PART.matcher(name);
        Matcher replay = REPLAY.matcher(name);
        String owner;
        if (part.matches()) {
            owner = part.group(1);
        } else if (replay.matches()) {
            owner = replay.group(1);
        } else {
            return false;
        }
        if (owner.equals(OWNER)) {
            return false;
        }
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('.')));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> !owner(p).equals(owner)).orElse(true);
    }

    private static String owner(ProcessHandle process) {
        long started = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return process.pid() + "." + started;
    }

    private long usedBytes() throws IOException {
        if (bytes < 0) {
            bytes = 0;
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "spool-*")) {
                    for (Path file : files) {
                        bytes += Files.size(file);
                    }
                }
            }
        }
        return bytes;
    }

    private void closeSegment() throws IOException {
        if (out != null) {
            out.close();
            out = null;
            Path finished = dir.resolve(segment.getFileName().toString().replace(".part", ""));
            if (segmentBytes > 0) {
                Files.move(segment, finished, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(segment);
            }
            segment = null;
            segmentBytes = 0;
            registeredInSegment.clear();
        }
    }

    @Override
    public void close() throws IOException {
        closeSegment();
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
