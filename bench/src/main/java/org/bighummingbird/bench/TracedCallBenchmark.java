package org.bighummingbird.bench;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Budget: a traced call of a model whose version is known costs under 1 µs median over the bare
 * call, and no more than an OpenTelemetry SDK span around the same call, measured in one run.
 *
 * <p>All four variants call the same lambda with the same non-constant inputs: {@link #bare}, the
 * lambda alone; {@link #tracedDiscard}, traced into a {@link DiscardingSink}; {@link #tracedSqlite},
 * traced into the embedded SQLite store; {@link #otelSpan}, a span with the two inputs as
 * attributes, exported by a {@link BatchSpanProcessor} to an exporter that does nothing.
 *
 * <p>Called back to back, a trivial model produces runs far faster than the exporter thread can
 * serialise and store them: the queue fills and most calls take the drop path. {@code work}
 * (JMH {@link Blackhole#consumeCPU} tokens spent by the caller before each call, in every variant)
 * paces the caller so the exporter keeps up and the measured path is the one that queues the run:
 * about 1,000 tokens for the discarding sink, about 5,000 for SQLite.
 * Overhead is a variant's time minus {@link #bare}'s at the same {@code work}. Each iteration
 * prints to stderr how many runs were dropped, so the reader knows which path a number measured.
 *
 * <p>Hostile inputs, whose snapshot must stay bounded on the caller's thread (budget: under 50 µs
 * over the bare call): {@link #tracedMillionFloats} passes a 1,000,000-element {@code float[]}
 * (summarised: a prefix copied, the hash computed on the exporter's thread), against
 * {@link #bareMillionFloats}; {@link #tracedCyclicList} a list that contains itself twice (cut at
 * the cycle), against {@link #bareCyclicList}. Both trace into a {@link DiscardingSink}; the
 * exporter cannot hash 4 MB as fast as a caller passes it, so most of those runs take the drop path
 * once the queue's memory budget is spent (reported per iteration).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TracedCallBenchmark {
    /** CPU tokens the caller burns before each call; 0 calls back to back. */
    @Param({"0", "1000", "5000"})
    public long work;

    /** The untraced lambda, read from a field so the JIT cannot treat it as a constant. */
    @State(Scope.Thread)
    public static class Bare {
        final Inputs in = new Inputs();
        Fn2<Integer, Integer, Integer> fn = TracedModel.ADD;
    }

    /** The model traced into a sink that discards. */
    @State(Scope.Thread)
    public static class Discard {
        final Inputs in = new Inputs();
        TracedModel traced;

        @Setup(Level.Trial)
        public void open() {
            traced = new TracedModel("discard", new DiscardingSink(), Duration.ofSeconds(5));
        }

        @TearDown(Level.Iteration)
        public void report() {
            System.err.println("[tracedDiscard] " + traced.report(in.callsSinceMark()));
        }

        @TearDown(Level.Trial)
        public void close() {
            traced.close();
        }
    }

    /** The model traced into the embedded SQLite store in a temporary home. */
    @State(Scope.Thread)
    public static class Sqlite {
        final Inputs in = new Inputs();
        TracedModel traced;

        @Setup(Level.Trial)
        public void open() {
            traced = new TracedModel("sqlite", null, Duration.ofSeconds(5));
        }

        @TearDown(Level.Iteration)
        public void report() {
            System.err.println("[tracedSqlite] " + traced.report(in.callsSinceMark()));
        }

        @TearDown(Level.Trial)
        public void close() {
            traced.close();
        }
    }

    /** Models traced into a sink that discards, and the inputs that used to cost unbounded work. */
    @State(Scope.Thread)
    public static class Hostile {
        final float[] millionFloats = new float[1_000_000];
        final List<Object> cyclic = new ArrayList<>();
        Fn1<float[], Integer> bareFloats = a -> a.length;
        Fn1<List<Object>, Integer> bareCyclic = xs -> xs.size();
        Fn1<float[], Integer> floats;
        Fn1<List<Object>, Integer> cycles;
        Path home;
        BigHummingbird bhb;
        long droppedAtMark;

        @Setup(Level.Trial)
        public void open() {
            for (int i = 0; i < millionFloats.length; i++) {
                millionFloats[i] = i;
            }
            cyclic.add(cyclic);
            cyclic.add(cyclic);
            cyclic.add("end");
            home = TempHome.create("hostile");
            bhb = BigHummingbird.builder("bench").home(home).sink(new DiscardingSink())
                    .appPackages(List.of("org.bighummingbird.bench")).build();
            floats = bhb.trace("floats", bareFloats);
            cycles = bhb.trace("cycles", bareCyclic);
            System.err.println("[hostile] versions " + ((Traced) floats).tag() + ", " + ((Traced) cycles).tag());
        }

        @TearDown(Level.Iteration)
        public void report() {
            long dropped = bhb.droppedRuns();
            System.err.printf("[hostile] dropped %,d runs this iteration%n", dropped - droppedAtMark);
            droppedAtMark = dropped;
        }

        @TearDown(Level.Trial)
        public void close() {
            bhb.close();
            TempHome.delete(home);
        }
    }

    /** An OpenTelemetry SDK tracer: a batch processor in front of an exporter that does nothing. */
    @State(Scope.Thread)
    public static class Otel {
        static final AttributeKey<Long> A = AttributeKey.longKey("a");
        static final AttributeKey<Long> B = AttributeKey.longKey("b");

        final Inputs in = new Inputs();
        Fn2<Integer, Integer, Integer> fn = TracedModel.ADD;
        NoopExporter exporter;
        SdkTracerProvider provider;
        Tracer tracer;

        @Setup(Level.Trial)
        public void open() {
            exporter = new NoopExporter();
            provider = SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                    .build();
            tracer = provider.get("bench");
        }

        @TearDown(Level.Iteration)
        public void report() {
            long calls = in.callsSinceMark();
            long exported = exporter.exported.getAndSet(0);
            System.err.printf("[otelSpan] calls %,d, spans exported %,d (%.1f %%; the rest dropped or queued)%n",
                    calls, exported, calls == 0 ? 0.0 : 100.0 * exported / calls);
        }

        @TearDown(Level.Trial)
        public void close() {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** A span exporter that only counts what it is given: the peer of {@link DiscardingSink}. */
    static final class NoopExporter implements SpanExporter {
        final AtomicLong exported = new AtomicLong();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @Benchmark
    public Integer bare(Bare s) {
        Blackhole.consumeCPU(work);
        return s.fn.apply(s.in.a(), s.in.b());
    }

    @Benchmark
    public Integer tracedDiscard(Discard s) {
        Blackhole.consumeCPU(work);
        return s.traced.model.apply(s.in.a(), s.in.b());
    }

    @Benchmark
    public Integer tracedSqlite(Sqlite s) {
        Blackhole.consumeCPU(work);
        return s.traced.model.apply(s.in.a(), s.in.b());
    }

    @Benchmark
    public Integer bareMillionFloats(Hostile s) {
        Blackhole.consumeCPU(work);
        return s.bareFloats.apply(s.millionFloats);
    }

    @Benchmark
    public Integer tracedMillionFloats(Hostile s) {
        Blackhole.consumeCPU(work);
        return s.floats.apply(s.millionFloats);
    }

    @Benchmark
    public Integer bareCyclicList(Hostile s) {
        Blackhole.consumeCPU(work);
        return s.bareCyclic.apply(s.cyclic);
    }

    @Benchmark
    public Integer tracedCyclicList(Hostile s) {
        Blackhole.consumeCPU(work);
        return s.cycles.apply(s.cyclic);
    }

    @Benchmark
    public Integer otelSpan(Otel s) {
        Blackhole.consumeCPU(work);
        Integer a = s.in.a();
        Integer b = s.in.b();
        Span span = s.tracer.spanBuilder("model").startSpan();
        span.setAttribute(Otel.A, a.longValue());
        span.setAttribute(Otel.B, b.longValue());
        Integer out = s.fn.apply(a, b);
        span.end();
        return out;
    }
}
