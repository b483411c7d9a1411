package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK on the module path, as a modular application uses it: a program whose module requires
 * only {@code org.bighummingbird.api} traces a model to a real server, the implementation and the
 * HTTP exporter found as services; and a module that imports an SDK {@code internal} package does
 * not compile. The module path holds the built api, core, sdk and exporter-http (jars or classes
 * directories, each with its module-info) and their third-party modules, nothing of the store.
 */
class ModulePathTest {
    /** What the server-only SDK needs on the module path, by file name (a jar) or module directory. */
    private static final Pattern MODULES = Pattern.compile(".*/(api|core|sdk|exporter-http)/target/classes"
            + "|.*/bhb-(api|core|sdk|exporter-http)-[^/]*\\.jar"
            + "|.*/jackson-(core|databind|annotations|datatype-jdk8|datatype-jsr310|dataformat-csv)-[^/]*\\.jar"
            + "|.*/asm(-tree|-util|-analysis)?-[0-9][^/]*\\.jar|.*/slf4j-api-[^/]*\\.jar");

    private static String modulePath;

    @TempDir
    Path dir;

    @BeforeAll
    static void findModules() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (MODULES.matcher(entry.replace(File.separatorChar, '/')).matches()) {
                entries.add(entry);
            }
        }
        assertThat(entries).as("modules found on the test class path").hasSizeGreaterThanOrEqualTo(12);
        modulePath = String.join(File.pathSeparator, entries);
    }

    @Test
    void aModularProgramTracesThroughTheApiAlone() throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), """
                module demo {
                    requires org.bighummingbird.api;
                    // the SDK reads a lambda's serialized form: the module opens its package to it
                    opens demo to org.bighummingbird.sdk;
                }
                """);
        write(src.resolve("demo/Main.java"), """
                package demo;

                import java.nio.file.Path;
                import java.time.Duration;
                import org.bighummingbird.BigHummingbird;
                import org.bighummingbird.Fn2;
                import org.bighummingbird.Traced;

                public class Main {
                    public static void main(String[] args) {
                        try (var bhb = BigHummingbird.builder("Module Path").home(Path.of(args[0])).url(args[1])
                                .closeTimeout(Duration.ofSeconds(10)).build()) {
                            Fn2<Integer, Integer, Integer> model = bhb.trace("model", (Integer a, Integer b) -> a + b);
                            System.out.println("result " + model.apply(1, 2));
                            System.out.println("tag " + ((Traced) model).tag());
                            System.out.println("sdk " + ModuleLayer.boot().findModule("org.bighummingbird.sdk")
                                    .map(m -> m.isNamed() + " " + m.getDescriptor().isAutomatic()).orElse("absent"));
                            System.out.println("store " + ModuleLayer.boot().findModule("org.bighummingbird.store")
                                    .isPresent());
                            System.out.println("flushed " + bhb.flush(Duration.ofSeconds(10)));
                        }
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        assertThat(compile(src, classes)).as("javac output").isEmpty();

        Path serverHome = dir.resolve("server");
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(serverHome).auth(false).build())) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "--module-path", classes + File.pathSeparator + modulePath, "-m", "demo/demo.Main",
                    dir.resolve("home").toString(), server.url()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("result 3", "tag model:v1", "sdk true false", "store false", "flushed true");
            try (var store = org.bighummingbird.store.Store.openLocal(serverHome)) {
                assertThat(store.projects().find(org.bighummingbird.store.Store.DEFAULT_WORKSPACE, "Module Path"))
                        .as("the project the program opened on the server").isPresent();
            }
        }
    }

    @Test
    void codeThatImportsAnSdkInternalPackageDoesNotCompile() throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), """
                module sneaky {
                    requires org.bighummingbird.sdk;
                }
                """);
        write(src.resolve("sneaky/Main.java"), """
                package sneaky;

                public class Main {
                    public static void main(String[] args) {
                        System.out.println(org.bighummingbird.sdk.internal.export.ExporterOptions.defaults());
                    }
                }
                """);
        String errors = compile(src, dir.resolve("classes"));
        assertThat(errors).contains("package org.bighummingbird.sdk.internal.export is not visible")
                .contains("1 error");
    }

    @Test
    void theSdksPublicSpiCompilesFromAModule() throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), """
                module sink {
                    requires org.bighummingbird.sdk;
                }
                """);
        write(src.resolve("sink/Discard.java"), """
                package sink;

                import java.util.List;
                import org.bighummingbird.core.RunRecord;
                import org.bighummingbird.core.Tag;
                import org.bighummingbird.core.VersionRegistration;
                import org.bighummingbird.sdk.spi.RunSink;

                public class Discard implements RunSink {
                    public Tag register(String project, VersionRegistration registration) {
                        return Tag.parse(registration.modelName() + ":v1");
                    }

                    public void write(String project, List<RunRecord> runs) {}
                }
                """);
        assertThat(compile(src, dir.resolve("classes"))).isEmpty();
    }

    /** Compiles every source under {@code src} against the module path; the compiler's messages. */
    private static String compile(Path src, Path out) throws IOException {
        List<String> files;
        try (var walk = Files.walk(src)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", modulePath,
                "-proc:none"));
        args.addAll(files);
        javac.run(null, messages, messages, args.toArray(String[]::new));
        return messages.toString(StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
