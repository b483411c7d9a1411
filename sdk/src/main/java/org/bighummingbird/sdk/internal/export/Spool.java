package org.bighummingbird.sdk.internal.export;

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
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;

/**
 * Runs that could not be delivered, as JSON lines in one destination's spool directory. Each spool
 * writes its own segment ({@code .part} while open); finished segments ({@code .jsonl}) are claimed
 * for replay by an atomic rename, so two processes never replay one file, and files of a spool
 * whose {@link SpoolOwner} lock is free (its process died) are claimed by the next. Whether there
 * is anything to replay is known from this spool's own doings; the directory is looked at again
 * only every {@link #RESCAN_NANOS}, for segments other processes left. Bounded by a byte budget
 * across the directory. Used by the exporter thread only; not thread-safe.
 */
final class Spool implements AutoCloseable {
    private static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    /** How often the directory is looked at for segments other processes left; 5 s. */
    static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Pattern PART = Pattern.compile("spool-\\d+-(" + SpoolOwner.NAME + ")-\\d+\\.jsonl\\.part");
    private static final Pattern REPLAY = Pattern.compile("spool-\\d+-(?:" + SpoolOwner.NAME
            + ")-\\d+\\.jsonl\\.replay-(" + SpoolOwner.NAME + ")");

    private final Path dir;
    private final SpoolOwner owner;
    private final LongSupplier nanoTime;
    private final long maxBytes;
    private long bytes = -1;
    private BufferedWriter out;
    private Path segment;
    private long segmentBytes;
    private int sequence;
    private final Set<String> registeredInSegment = new HashSet<>();
    /** Whether finished files are known to wait: this spool finished or released one, or a look found some. */
    private boolean waiting;
    private boolean looked;
    private long lookedAtNanos;
    private int listings;
    private int looks;

    Spool(Path dir, long maxBytes) {
        this(dir, maxBytes, System::nanoTime);
    }

    /** A spool that reads the time for its rescans from {@code nanoTime} (tests freeze it). */
    Spool(Path dir, long maxBytes, LongSupplier nanoTime) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.owner = new SpoolOwner(dir);
        this.nanoTime = nanoTime;
    }

    /** How many times the directory was listed, for tests. */
    int listings() {
        return listings;
    }

    /** How many times {@link #hasData()} was asked, for tests. */
    int looks() {
        return looks;
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
        text.append(Json.WRITER.writeValueAsString(line)).append('\n');
    }

    /** Finishes this process's open segment, making it claimable. */
    private void rotate() throws IOException {
        closeSegment();
        owner.acquire();
        segment = dir.resolve("spool-" + System.currentTimeMillis() + "-" + owner.id() + "-" + (sequence++)
                + ".jsonl.part");
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(segment, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), StandardCharsets.UTF_8), 64 * 1024);
        segmentBytes = 0;
        registeredInSegment.clear();
    }

    /**
     * Whether anything is waiting to be replayed, by this process or another: known without I/O,
     * but for a look at the directory when one is due (the first call, then every
     * {@link #RESCAN_NANOS}). The exporter asks this whenever it idles.
     */
    boolean hasData() {
        looks++;
        if (segmentBytes > 0 || waiting) {
            return true;
        }
        if (!looked || nanoTime.getAsLong() - lookedAtNanos >= RESCAN_NANOS) {
            waiting = !claimable().isEmpty();
        }
        return waiting;
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
        List<Path> candidates = claimable();
        if (!candidates.isEmpty()) {
            owner.acquire();
        }
        for (int i = 0; i < candidates.size(); i++) {
            Path candidate = candidates.get(i);
            Path claimed = dir.resolve(baseName(candidate) + ".replay-" + owner.id());
            try {
                Files.move(candidate, claimed, StandardCopyOption.ATOMIC_MOVE);
                // the last one: no need to list the directory again to learn that it is empty
                waiting = i < candidates.size() - 1;
                return claimed;
            } catch (NoSuchFileException | AtomicMoveNotSupportedException e) {
                // another process claimed it first
            }
        }
        waiting = false;
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
                lines.add(Json.read(text, SpoolLine.class));
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
            waiting = true;
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
        listings++;
        looked = true;
        lookedAtNanos = nanoTime.getAsLong();
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

    /** Whether a {@code .part} or {@code .replay-<owner>} file belongs to a spool that is gone. */
    private boolean ownerIsGone(String name) {
        Matcher part = PART.matcher(name);
        Matcher replay = REPLAY.matcher(name);
        String holder;
        if (part.matches()) {
            holder = part.group(1);
        } else if (replay.matches()) {
            holder = replay.group(1);
        } else {
            return false;
        }
        return !holder.equals(owner.id()) && SpoolOwner.isGone(dir, holder);
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
                waiting = true;
            } else {
                Files.deleteIfExists(segment);
            }
            segment = null;
            segmentBytes = 0;
            registeredInSegment.clear();
        }
    }

    /** Finishes the open segment and gives up ownership: what is left is the next process's to replay. */
    @Override
    public void close() throws IOException {
        try {
            closeSegment();
        } finally {
            owner.close();
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
