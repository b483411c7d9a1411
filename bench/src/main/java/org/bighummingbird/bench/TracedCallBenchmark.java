package org.bighummingbird.bench;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bighummingbird.Fn2;
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
