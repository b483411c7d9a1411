package org.bighummingbird.spi;

import java.time.Duration;
import java.util.Map;
import org.bighummingbird.Assessor;
import org.bighummingbird.Dataset;
import org.bighummingbird.DropCause;
import org.bighummingbird.Evaluation;
import org.bighummingbird.EvaluationComparison;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Fn0;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Fn3;
import org.bighummingbird.Judge;

/**
 * One open project as an implementation serves it: {@link org.bighummingbird.BigHummingbird}
 * delegates every call to it, after checking what the API can check itself. Each method has the
 * contract of the {@code BigHummingbird} method of the same name. Thread-safe.
 */
public interface Tracker extends AutoCloseable {
    /** The project's name. */
    String project();

    /**
     * Traces a model of no arguments; a null name names the model after the method that
     * {@code fn} references (a lambda without a name is an {@link IllegalArgumentException}).
     */
    <R> Fn0<R> trace(String name, Fn0<R> fn);

    /** Traces a model of one argument; see {@link #trace(String, Fn0)}. */
    <A, R> Fn1<A, R> trace(String name, Fn1<A, R> fn);

    /** Traces a model of two arguments; see {@link #trace(String, Fn0)}. */
    <A, B, R> Fn2<A, B, R> trace(String name, Fn2<A, B, R> fn);

    /** Traces a model of three arguments; see {@link #trace(String, Fn0)}. */
    <A, B, C, R> Fn3<A, B, C, R> trace(String name, Fn3<A, B, C, R> fn);

    /** See {@link org.bighummingbird.BigHummingbird#uploadDataset(Dataset)}. */
    String uploadDataset(Dataset dataset);

    /** See {@link org.bighummingbird.BigHummingbird#dataset(String)}. */
    Dataset dataset(String tag);

    /** See {@link org.bighummingbird.BigHummingbird#addJudge(Judge)}; {@code judge} is not null. */
    String addJudge(Judge judge);

    /** See {@link org.bighummingbird.BigHummingbird#evaluate(Object, String, String, EvaluationOptions)}. */
    Evaluation evaluate(Object model, String judgeTag, String datasetTag, EvaluationOptions options);

    /** See {@link org.bighummingbird.BigHummingbird#evaluation(String)}. */
    Evaluation evaluation(String id);

    /** See {@link org.bighummingbird.BigHummingbird#compare(String, String)}. */
    EvaluationComparison compare(String idA, String idB);

    /** See {@link org.bighummingbird.BigHummingbird#assess(String)}. */
    Assessor assess(String judgeTag);

    /** See {@link org.bighummingbird.BigHummingbird#flush(Duration)}. */
    boolean flush(Duration timeout);

    /** See {@link org.bighummingbird.BigHummingbird#droppedRuns()}. */
    long droppedRuns();

    /** See {@link org.bighummingbird.BigHummingbird#droppedRunsByCause()}. */
    Map<DropCause, Long> droppedRunsByCause();

    /** See {@link org.bighummingbird.BigHummingbird#close()}; idempotent, and never throws. */
    @Override
    void close();
}
