package org.bighummingbird.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run in a fresh JVM: the current JVM's {@code java}, class path = the program's classes
 * + the test class path, stdout and stderr captured to files beside it.
 */
public final class Jvm {
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String description;

    private Jvm(Process process, Path stdout, Path stderr, String description) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.description = description;
    }

    /**
     * Starts {@code mainClass} from {@code classes} with {@code workDir} as its working directory,
     * which decides whether the SDK finds the program's sources ({@code workDir/src/main/java}).
     */
    public static Jvm start(Path classes, String mainClass, Path workDir, String... args) {
        return startOn(Path.of(System.getProperty("java.home")), classes, mainClass, workDir, args);
    }

    /**
     * As {@link #start}, on the JDK or JRE installed at {@code javaHome}; {@code classes} may be a
     * directory or a jar.
     */
    public static Jvm startOn(Path javaHome, Path classes, String mainClass, Path workDir, String... args) {
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "stdout-", ".txt");
            Path err = Files.createTempFile(workDir, "stderr-", ".txt");
            List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
                    // a short-lived program on a small machine: start fast, few GC threads
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", classes + File.pathSeparator + TestClasspath.get(), mainClass));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("BHB_"));
            return new Jvm(pb.start(), out, err, mainClass + " from " + classes + " on " + javaHome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a program to its end and returns its stdout lines; see {@link #start}. */
    public static List<String> run(Path classes, String mainClass, Path workDir, String... args) {
        return start(classes, mainClass, workDir, args).stdoutLines();
    }

    /** Runs a program to its end on the JDK at {@code javaHome} and returns its stdout lines; see {@link #startOn}. */
    public static List<String> runOn(Path javaHome, Path classes, String mainClass, Path workDir, String... args) {
        return startOn(javaHome, classes, mainClass, workDir, args).stdoutLines();
    }

    /**
     * Waits for the program to end and returns its stdout lines.
     *
     * @throws AssertionError when it fails or runs longer than two minutes, with its stderr
     */
    public List<String> stdoutLines() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(description + " did not end within " + TIMEOUT_SECONDS + " s:\n" + stderr());
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(description + " exited with " + process.exitValue() + ":\n" + stderr());
            }
            return Files.readAllLines(stdout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted waiting for " + description, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stderr() throws IOException {
        return Files.readString(stderr);
    }
}
