package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.store.RunView;
import org.bighummingbird.testing.TestClasspath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A traced function survives Java serialization, as Spark, Flink and Beam ship closures: in another
 * JVM (a real child process) and in this one it reconnects to the open tracker of its project, and
 * without one it calls the model untracked.
 */
class SerializedModelTest {
    private static final String PROJECT = "Serialized";

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void aDeserializedModelInAnotherJvmRecordsRunsOfTheSameVersion() throws Exception {
        Path bytes = work.resolve("model.ser");
        String tag;
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            Fn1<Integer, Integer> model = bhb.trace("doubler", (Integer x) -> x * 2);
            assertThat(model.apply(21)).isEqualTo(42);
            tag = ((Traced) model).tag();
            Files.write(bytes, serialize(model));
        }

        Child child = child(bytes, "open", 3);

        assertThat(child.stdout).as(child.stderr).containsExactly("2", "4", "6", "tag " + tag);
        List<RunView> runs = StoredRuns.runs(home, PROJECT);
        assertThat(runs).hasSize(4).allSatisfy(r -> assertThat(r.modelTag().toString()).isEqualTo(tag));
        assertThat(runs).extracting(RunView::inputsJson).contains("{\"x\":1}", "{\"x\":2}", "{\"x\":3}");
    }

    @Test
    void withoutAnOpenTrackerADeserializedModelCallsThroughAndSaysSoOnce() throws Exception {
        Path bytes = work.resolve("model.ser");
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            Files.write(bytes, serialize(bhb.trace("doubler", (Integer x) -> x * 2)));
        }

        Child child = child(bytes, "none", 3);

        assertThat(child.stdout).as(child.stderr).containsExactly("2", "4", "6");
        assertThat(child.stderr.lines().filter(l -> l.contains("not tracked"))).as(child.stderr).hasSize(1);
        assertThat(StoredRuns.runs(home, PROJECT)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeserializedModelInThisJvmReconnectsAtItsFirstCall() throws Exception {
        byte[] bytes;
        String tag;
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            Fn1<Integer, Integer> model = bhb.trace("doubler", (Integer x) -> x * 2);
            tag = ((Traced) model).tag();
            bytes = serialize(model);
        }
        // read while no tracker is open, as an executor does: it connects when it is called
        Fn1<Integer, Integer> copy = (Fn1<Integer, Integer>) deserialize(bytes);
        assertThat(((Traced) copy).name()).isEqualTo("doubler");
        assertThatThrownBy(((Traced) copy)::tag).isInstanceOf(TagUnavailable.class)
                .hasMessageContaining("no BigHummingbird is open for project \"" + PROJECT + "\"");
        assertThat(copy.apply(5)).as("untracked while none is open").isEqualTo(10);
        var reopened = BigHummingbird.local(PROJECT, home);
        try {
            assertThat(copy.apply(6)).isEqualTo(12);
            assertThat(((Traced) copy).tag()).isEqualTo(tag);
            assertThat(((Traced) deserialize(serialize(copy))).tag()).isEqualTo(tag);
        } finally {
            reopened.close();
        }
        assertThat(copy.apply(7)).as("untracked again once it is closed").isEqualTo(14);
        assertThat(StoredRuns.runs(home, PROJECT)).singleElement()
                .satisfies(r -> assertThat(r.inputsJson()).isEqualTo("{\"x\":6}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeserializedAssessedModelIsStillScoredByItsJudge() throws Exception {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String judge = bhb.addJudge(Judge.of("size", "the output", (Integer out) -> out));
            Fn1<Integer, Integer> model = bhb.assess(judge).trace("doubler", (Integer x) -> x * 2);
            Fn1<Integer, Integer> copy = (Fn1<Integer, Integer>) deserialize(serialize(model));
            assertThat(copy.apply(4)).isEqualTo(8);
            assertThat(bhb.flush(java.time.Duration.ofSeconds(30))).isTrue();
        }
        assertThat(StoredRuns.runs(home, PROJECT)).singleElement().satisfies(r -> {
            assertThat(r.judgeTag().toString()).isEqualTo("size:v1");
            assertThat(r.score()).isEqualTo(8.0);
        });
    }

    static byte[] serialize(Object o) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws Exception {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private record Child(List<String> stdout, String stderr) {}

    /** Runs {@link DeserializedModelProgram} in a fresh JVM, in a directory without sources. */
    private Child child(Path bytes, String mode, int calls) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", TestClasspath.get(),
                DeserializedModelProgram.class.getName(), bytes.toString(), home.toString(), mode,
                Integer.toString(calls)));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BHB_"));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isZero();
        return new Child(Files.readAllLines(out), stderr);
    }
}
