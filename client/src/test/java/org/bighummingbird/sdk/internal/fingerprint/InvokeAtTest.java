package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bighummingbird.testing.JavaSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The call at a stack frame's bytecode index is found across every kind of instruction length:
 * padded switches, wide constants, invokeinterface and invokedynamic, with and without debug
 * information. Each {@code Probe.here(n)} call records the bytecode index the JVM reports for it.
 */
class InvokeAtTest {
    private static final String CODE = """
            package demo;

            import java.util.List;

            public final class Code {
                private Code() {}

                public static long run(int k, List<String> xs) {
                    long total = 1234567890123L;
                    Probe.here(10);
                    switch (k) {
                        case 1: total += 3; break;
                        case 2: total += xs.size(); break;
                        case 3: total -= 7; break;
                        default: break;
                    }
                    Probe.here(11);
                    switch (k * 1000) {
                        case 1000: total += 5; break;
                        case 500000: total += 9; break;
                        default: total += xs.hashCode();
                    }
                    String s = "k=" + k + ", total=" + total;
                    Probe.here(12); Probe.here(13);
                    Runnable r = () -> Probe.here(99);
                    double d = 2.5e300;
                    Probe.here(14);
                    return total + s.length() + (long) (d / 1e300) + r.hashCode() * 0;
                }
            }
            """;
    private static final String PROBE = """
            package demo;

            import java.util.Map;
            import java.util.TreeMap;

            public final class Probe {
                public static final Map<Integer, Integer> INDEXES = new TreeMap<>();

                private Probe() {}

                public static void here(int n) {
                    StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst())
                            .ifPresent(f -> INDEXES.put(n, f.getByteCodeIndex()));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void findsEachCallByItsBytecodeIndexWithDebugInformation() throws Exception {
        assertEveryProbeIsFound("debug", JavaSources.DEBUG);
    }

    @Test
    void findsEachCallByItsBytecodeIndexWithoutDebugInformation() throws Exception {
        assertEveryProbeIsFound("none", JavaSources.NO_DEBUG);
    }

    @Test
    void anIndexThatIsNoCallIsNotFound() throws Exception {
        Path classes = JavaSources.compile(dir.resolve("x"), Map.of("demo.Code", CODE, "demo.Probe", PROBE),
                JavaSources.DEBUG).classes();
        byte[] bytes = Files.readAllBytes(classes.resolve("demo/Code.class"));
        String desc = "(ILjava/util/List;)J";

        assertThat(InvokeAt.ordinal(bytes, "run", desc, 0)).isEqualTo(-1); // ldc2_w
        assertThat(InvokeAt.ordinal(bytes, "run", desc, 100_000)).isEqualTo(-1);
        assertThat(InvokeAt.ordinal(bytes, "missing", desc, 0)).isEqualTo(-1);
        assertThat(InvokeAt.ordinal(new byte[] {1, 2, 3}, "run", desc, 0)).isEqualTo(-1);
    }

    @SuppressWarnings("unchecked")
    private void assertEveryProbeIsFound(String name, List<String> debug) throws Exception {
        Path classes = JavaSources.compile(dir.resolve(name), Map.of("demo.Code", CODE, "demo.Probe", PROBE), debug)
                .classes();
        Map<Integer, Integer> indexes;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                InvokeAtTest.class.getClassLoader())) {
            loader.loadClass("demo.Code").getMethod("run", int.class, List.class).invoke(null, 2, List.of("a"));
            indexes = (Map<Integer, Integer>) loader.loadClass("demo.Probe").getField("INDEXES").get(null);
        }
        byte[] bytes = Files.readAllBytes(classes.resolve("demo/Code.class"));
        MethodNode run = ClassFiles.method(parse(bytes), "run", "(ILjava/util/List;)J");

        assertThat(indexes).containsOnlyKeys(10, 11, 12, 13, 14);
        indexes.forEach((n, bci) -> {
            MethodInsnNode call = nth(run, InvokeAt.ordinal(bytes, "run", "(ILjava/util/List;)J", bci));
            assertThat(call).as("call at %d", bci).isNotNull();
            assertThat(call.owner + "." + call.name).isEqualTo("demo/Probe.here");
            assertThat(((IntInsnNode) call.getPrevious()).operand).as("argument of the call at %d", bci).isEqualTo(n);
        });
    }

    private static ClassNode parse(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG);
        return node;
    }

    private static MethodInsnNode nth(MethodNode method, int ordinal) {
        int seen = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null && ordinal >= 0;
                insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && seen++ == ordinal) {
                return call;
            }
        }
        return null;
    }
}
