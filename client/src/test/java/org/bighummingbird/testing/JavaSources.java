package org.bighummingbird.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Programs written as Java source strings, compiled with the JDK's compiler into a directory of
 * their own: {@code dir/src/main/java} holds the sources (where the SDK's source lookup looks when
 * a process runs in {@code dir}), {@code dir/classes} the class files.
 */
public final class JavaSources {
    /** Maven's default: full debug information. */
    public static final List<String> DEBUG = List.of("-g");
    /** No debug information at all: no line numbers, no local variable tables. */
    public static final List<String> NO_DEBUG = List.of("-g:none");

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final StandardJavaFileManager FILES = JAVAC.getStandardFileManager(null, Locale.ROOT,
            StandardCharsets.UTF_8);

    private JavaSources() {}

    /**
     * A compiled program.
     *
     * @param dir its directory
     * @param classes its class files
     * @param sources the root of its source tree
     */
    public record Compiled(Path dir, Path classes, Path sources) {}

    /**
     * Writes the sources under {@code dir/src/main/java} and compiles them into {@code dir/classes}
     * against the test class path, failing the test with javac's messages when they do not compile.
     *
     * @param sources source text by fully qualified class name
     * @param debug javac's debug options, {@link #DEBUG} or {@link #NO_DEBUG}
     */
    public static Compiled compile(Path dir, Map<String, String> sources, List<String> debug) {
        Path src = dir.resolve("src/main/java");
        Path classes = dir.resolve("classes");
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(classes);
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(debug);
        options.addAll(List.of("--release", "17", "-proc:none", "-implicit:none", "-d", classes.toString(),
                "-cp", TestClasspath.get()));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        boolean ok;
        // one shared file manager keeps javac's index of the class path jars warm; it is not thread-safe
        synchronized (FILES) {
            Iterable<? extends JavaFileObject> units = FILES.getJavaFileObjectsFromPaths(files);
            ok = JAVAC.getTask(out, FILES, diagnostics, options, null, units).call();
        }
        assertThat(ok).as("javac %s:%n%s%s", dir, diagnostics.getDiagnostics(), out).isTrue();
        return new Compiled(dir, classes, src);
    }
}
