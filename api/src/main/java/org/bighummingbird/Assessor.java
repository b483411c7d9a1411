package org.bighummingbird;

/**
 * Traces models in assess mode, from {@link BigHummingbird#assess(String)}: every run of a model
 * traced here is scored by the judge, and the run is stored with the judge version, the score and
 * whether it passed. The model version is the same as with {@link BigHummingbird#trace(String, Fn1)}.
 *
 * <p>The judge runs on a few background threads, never on the caller's: a traced call returns as
 * soon as the model does. Every run of an assessed model names the judge version; when there is no
 * score, score and passed are null and the run says why (the judge failed on it, the model threw, or
 * 10,000 runs were already waiting for the judge, or the tracker closed before the judge finished).
 * {@link BigHummingbird#flush} waits for the runs being scored; {@link BigHummingbird#close()} waits
 * for them within its close timeout, and delivers those the judge did not finish unscored, with
 * {@code "not judged: closed before the judge finished"} as the reason. The judge sees the call's
 * argument (a list of them for two or three arguments, null for none) and its output, the objects
 * themselves as in an evaluation (the run stores their JSON snapshots), and no expected value.
 * Thread-safe.
 */
public interface Assessor {
    /** The judge version that scores the runs, {@code name:vN}. */
    String judgeTag();

    /** Traces a model of no arguments in assess mode; see {@link BigHummingbird#trace(String, Fn0)}. */
    <R> Fn0<R> trace(String name, Fn0<R> fn);

    /** Traces a model of one argument in assess mode; see {@link BigHummingbird#trace(String, Fn0)}. */
    <A, R> Fn1<A, R> trace(String name, Fn1<A, R> fn);

    /** Traces a model of two arguments in assess mode; see {@link BigHummingbird#trace(String, Fn0)}. */
    <A, B, R> Fn2<A, B, R> trace(String name, Fn2<A, B, R> fn);

    /** Traces a model of three arguments in assess mode; see {@link BigHummingbird#trace(String, Fn0)}. */
    <A, B, C, R> Fn3<A, B, C, R> trace(String name, Fn3<A, B, C, R> fn);

    /** The handle of a model traced in assess mode from {@code site} (null when not known). */
}
