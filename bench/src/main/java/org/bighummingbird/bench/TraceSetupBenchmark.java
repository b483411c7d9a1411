package org.bighummingbird.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn1;
import org.bighummingbird.Traced;
import org.bighummingbird.core.VersionRegistration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Budget: {@code trace()} of a model with a few helpers takes under 20 ms in a warm JVM. The model
 * calls three application helpers ({@link Features#score}, which calls {@link Features#words} and
 * {@link Features#weight}, and {@link Labels#of}); {@code appPackages} names the benchmark package
 * as application code. Each trial checks that the helpers really went into the fingerprint and
 * fails otherwise, since it would time the wrong thing. Runs go to a {@link DiscardingSink}, so no
 * registration I/O is measured (it happens in the background anyway).
 *
 * <p>{@link #trace} is the budget: a warm JVM, the model's classes parsed before. {@link
 * #firstTraceInJvm} is context: the first {@code trace()} of a fresh JVM, class loading included.
 */
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TraceSetupBenchmark {
    static final Fn1<String, String> MODEL = text -> Labels.of(Features.score(text));
    private static final String NAME = "classifier";

    /** A project on a discarding sink; {@code warm} traces the model once before measuring. */
    abstract static class Project {
        Path home;
        DiscardingSink sink;
        BigHummingbird bhb;

        void open(boolean warm) {
            home = TempHome.create("trace");
            sink = new DiscardingSink();
            bhb = BigHummingbird.builder("bench").home(home).sink(sink).closeTimeout(Duration.ofSeconds(5))
                    .appPackages(List.of("org.bighummingbird.bench")).build();
            if (warm) {
                requireHelpersFingerprinted(bhb.trace(NAME, MODEL));
            }
        }

        void requireHelpersFingerprinted(Fn1<String, String> traced) {
            String tag = ((Traced) traced).tag();
            VersionRegistration registration = sink.lastRegistration();
            for (String helper : List.of("score", "words", "weight", "of")) {
                if (!registration.code().contains(helper)) {
                    throw new IllegalStateException("helper " + helper + " is not in the fingerprinted code of "
                            + tag + ", so trace() would be timed without fingerprinting it. Are the benchmark"
                            + " classes loaded from the shaded jar? Put bench/target/classes first on the class"
                            + " path (see bench/README.md). Code was:\n" + registration.code());
                }
            }
            System.err.println("[trace] " + tag + " covers the helpers score, words, weight and of");
        }

        void close() {
            bhb.close();
            TempHome.delete(home);
        }
    }

    /** The model traced once already: its classes are parsed and cached. */
    @State(Scope.Benchmark)
    public static class Warm extends Project {
        @Setup(Level.Trial)
        public void setUp() {
            open(true);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /** Nothing traced yet in this JVM. */
    @State(Scope.Benchmark)
    public static class Cold extends Project {
        Fn1<String, String> traced;

        @Setup(Level.Trial)
        public void setUp() {
            open(false);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            requireHelpersFingerprinted(traced);
            close();
        }
    }

    @Benchmark
    public Fn1<String, String> trace(Warm s) {
        return s.bhb.trace(NAME, MODEL);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Fn1<String, String> firstTraceInJvm(Cold s) {
        s.traced = s.bhb.trace(NAME, MODEL);
        return s.traced;
    }
}
