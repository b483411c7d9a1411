package org.bighummingbird.sdk.internal.judge;

import org.bighummingbird.Criterion;

/** Turns raw scores into {@link Score}s: the NaN and infinity checks, and the criterion. */
final class Verdicts {
    private Verdicts() {}

    /** The score of a rubric's raw value, judged by {@code criterion} (null: no passed value). */
    static Score judge(String what, double raw, Criterion criterion) {
        if (!Double.isFinite(raw)) {
            return Score.error(what + " returned " + raw + "; a score must be a finite number", null);
        }
        if (criterion == null) {
            return Score.of(raw, null);
        }
        boolean passed;
        try {
            passed = criterion.passes(raw);
        } catch (Throwable t) {
            return Score.error("criterion threw on score " + raw + ": " + describe(rethrowFatal(t)), t);
        }
        return Score.of(raw, passed);
    }

    /** {@code java.lang.IllegalStateException: boom}, or the type alone without a message. */
    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }

    /**
     * Rethrows what no row should swallow (out of memory and other virtual machine errors, except
     * a stack overflow, which user code causes); returns anything else.
     */
    static Throwable rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        return t;
    }
}
