package org.bighummingbird.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A main class of the test class path started in a fresh JVM, stdout and stderr to one file. */
final class JavaProcess {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private JavaProcess() {}

    static Process start(String mainClass, List<String> args, Path output) {
        List<String> command = new ArrayList<>(List.of(JAVA,
                // short-lived processes on a small machine: start fast, few GC threads
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("BHB_"));
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
