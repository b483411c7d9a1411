package org.bighummingbird.sdk;

import java.io.Serializable;
import org.bighummingbird.Assessor;
import org.bighummingbird.Fn0;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Fn3;
import org.bighummingbird.sdk.internal.eval.AssessmentQueue;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;
import org.bighummingbird.sdk.internal.trace.ModelHandle;
import org.bighummingbird.sdk.internal.trace.TracedFn0;
import org.bighummingbird.sdk.internal.trace.TracedFn1;
import org.bighummingbird.sdk.internal.trace.TracedFn2;
import org.bighummingbird.sdk.internal.trace.TracedFn3;

/**
 * The SDK's {@link Assessor}: models traced here are routed to the judge's assessment queue, which
 * scores their runs on background threads before the exporter gets them. Thread-safe.
 */
final class SdkAssessor implements Assessor {
    private final SdkTracker bhb;
    private final AssessmentQueue queue;
    private final String judgeTag;

    SdkAssessor(SdkTracker bhb, AssessmentQueue queue, String judgeTag) {
        this.bhb = bhb;
        this.queue = queue;
        this.judgeTag = judgeTag;
    }

    @Override
    public String judgeTag() {
        return judgeTag;
    }

    @Override
    public <R> Fn0<R> trace(String name, Fn0<R> fn) {
        return new TracedFn0<>(fn, model(name, fn));
    }

    @Override
    public <A, R> Fn1<A, R> trace(String name, Fn1<A, R> fn) {
        return new TracedFn1<>(fn, model(name, fn));
    }

    @Override
    public <A, B, R> Fn2<A, B, R> trace(String name, Fn2<A, B, R> fn) {
        return new TracedFn2<>(fn, model(name, fn));
    }

    @Override
    public <A, B, C, R> Fn3<A, B, C, R> trace(String name, Fn3<A, B, C, R> fn) {
        return new TracedFn3<>(fn, model(name, fn));
    }

    private ModelHandle model(String name, Serializable fn) {
        return model(name, fn, CallSite.current(SdkAssessor.class));
    }

    /** The handle of a model traced in assess mode from {@code site} (null when not known). */
    ModelHandle model(String name, Serializable fn, CallSite site) {
        if (name == null) {
            throw new IllegalArgumentException("model name must not be null");
        }
        return bhb.tracedModel(name, fn, site).routedTo(queue);
    }
}
