package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.testing.JavaSources;
import org.bighummingbird.testing.Jvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many processes, each with many threads, trace models at the same moment on one store: version
 * numbers stay contiguous and unique, and no run is lost. Processes open the store, say they are
 * ready, and wait for a start file; the threads of each then meet at a barrier and trace at once.
 */
class ConcurrentRegistrationTest {
    private static final String PROJECT = "Race Project";
    private static final int PROCESSES = 8;
    private static final int THREADS = 8;
    private static final int CALLS = 500;

    @TempDir
    Path dir;

    @Test
    void processesTracingTheSameNewModelAtOnceShareOneVersion() throws Exception {
        Path classes = JavaSources.compile(dir.resolve("racer"), Map.of("race.Racer", racer("x * 2 + 1")),
                JavaSources.DEBUG).classes();

        List<List<String>> outputs = race(IntStream.range(0, PROCESSES).mapToObj(i -> classes).toList());

        assertThat(outputs).allSatisfy(tags -> assertThat(tags).hasSize(THREADS).containsOnly("racer:v1"));
        try (Store store = Store.openLocal(home())) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            List<ModelVersionInfo> versions = store.models().list(project);
            assertThat(versions).extracting(v -> v.tag().toString()).containsExactly("racer:v1");
            assertThat(store.models().find(project, TagReference.parse("racer:v1")).orElseThrow().runCount())
                    .isEqualTo((long) PROCESSES * THREADS * CALLS);
            assertThat(store.runs().count(project)).isEqualTo((long) PROCESSES * THREADS * CALLS);
        }
    }

    @Test
    void processesTracingDifferentCodeUnderOneNameAtOnceGetContiguousVersions() throws Exception {
        int variants = 4;
        List<Path> programs = new ArrayList<>();
        for (int v = 0; v < variants; v++) {
            programs.add(JavaSources.compile(dir.resolve("racer-" + v), Map.of("race.Racer", racer("x * 2 + " + v)),
                    JavaSources.DEBUG).classes());
        }

        // process i runs variant i % 4: two processes race with each variant
        List<List<String>> outputs = race(IntStream.range(0, PROCESSES).mapToObj(i -> programs.get(i % variants))
                .toList());

        Set<String> tags = new HashSet<>();
        for (int i = 0; i < PROCESSES; i++) {
            List<String> out = outputs.get(i);
            assertThat(out).hasSize(THREADS).containsOnly(out.get(0));
            assertThat(outputs.get(i % variants)).as("same code, same tag").isEqualTo(out);
            tags.add(out.get(0));
        }
        assertThat(tags).containsExactlyInAnyOrder("racer:v1", "racer:v2", "racer:v3", "racer:v4");
        try (Store store = Store.openLocal(home())) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            List<ModelVersionInfo> versions = store.models().list(project);
            assertThat(versions).extracting(v -> v.tag().version()).containsExactly(1, 2, 3, 4);
            assertThat(versions).extracting(ModelVersionInfo::versionKey).doesNotHaveDuplicates();
            assertThat(versions).extracting(v -> store.models().find(project, TagReference.parse(v.tag().toString()))
                    .orElseThrow().runCount()).containsOnly((long) PROCESSES / variants * THREADS * CALLS);
            assertThat(store.runs().count(project)).isEqualTo((long) PROCESSES * THREADS * CALLS);
        }
    }

    /** Starts one process per program, lets them all go at once, and returns each one's stdout lines. */
    private List<List<String>> race(List<Path> programs) throws IOException, InterruptedException {
        Path start = dir.resolve("start");
        List<Jvm> jvms = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            Path readyFile = dir.resolve("ready-" + i);
            ready.add(readyFile);
            jvms.add(Jvm.start(programs.get(i), "race.Racer", dir.resolve("work-" + i), home().toString(),
                    start.toString(), readyFile.toString(), String.valueOf(THREADS), String.valueOf(CALLS)));
        }
        while (!ready.stream().allMatch(Files::exists)) {
            Thread.sleep(5);
        }
        Files.createFile(start);
        List<List<String>> outputs = new ArrayList<>();
        for (Jvm jvm : jvms) {
            outputs.add(jvm.stdoutLines());
        }
        return outputs;
    }

    private Path home() {
        return dir.resolve("bhb-home");
    }

    /**
     * A program that opens the store, says it is ready, waits for the start file, and then has
     * every thread trace the model at once and call it; it prints each thread's tag.
     */
    private static String racer(String expression) {
        return """
                package race;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.time.Duration;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.CyclicBarrier;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.concurrent.Future;
                import org.bighummingbird.BigHummingbird;
                import org.bighummingbird.Fn1;
                import org.bighummingbird.Traced;

                public class Racer {
                    public static void main(String[] args) throws Exception {
                        Path start = Path.of(args[1]);
                        int threads = Integer.parseInt(args[3]);
                        int calls = Integer.parseInt(args[4]);
                        // 64 registrations and 64 batches of runs contend for one store on a small machine
                        try (BigHummingbird bhb = BigHummingbird.builder("%s").home(Path.of(args[0]))
                                .tagTimeout(Duration.ofSeconds(60)).build()) {
                            ExecutorService pool = Executors.newFixedThreadPool(threads);
                            CyclicBarrier barrier = new CyclicBarrier(threads);
                            Files.createFile(Path.of(args[2]));
                            while (!Files.exists(start)) {
                                Thread.sleep(1);
                            }
                            List<Future<String>> tags = new ArrayList<>();
                            for (int t = 0; t < threads; t++) {
                                tags.add(pool.submit(() -> {
                                    barrier.await();
                                    Fn1<Integer, Integer> model = bhb.trace("racer", (Integer x) -> %s);
                                    for (int i = 0; i < calls; i++) {
                                        model.apply(i);
                                    }
                                    return ((Traced) model).tag();
                                }));
                            }
                            for (Future<String> tag : tags) {
                                System.out.println(tag.get());
                            }
                            pool.shutdown();
                        }
                    }
                }
                """.formatted(PROJECT, expression);
    }
}
