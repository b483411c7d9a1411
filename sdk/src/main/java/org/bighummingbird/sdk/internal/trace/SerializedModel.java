package org.bighummingbird.sdk.internal.trace;

import java.io.Serial;
import java.io.Serializable;
import org.bighummingbird.Fn0;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Fn3;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;

/**
 * The serial form of a traced function: what it needs to find its project's tracker again in the
 * JVM that reads it, and nothing of the tracker itself (which holds threads, files, connections).
 * The call site is kept by name, so the reader fingerprints the function as trace() did and, with
 * the same classes, gets the same version.
 *
 * @param project the project the function was traced in
 * @param name the model's name
 * @param fn the wrapped function, itself serializable (a serializable lambda or method reference)
 * @param arity its number of arguments: which {@code FnN} it is
 * @param judgeTag the judge that scored its runs (assess mode), or null
 * @param siteClass the class that called trace(), or null when not known
 * @param siteMethod the method that called trace()
 * @param siteDescriptor that method's descriptor
 * @param siteBytecodeIndex the bytecode index of the trace() call in its method, or -1
 */
record SerializedModel(String project, String name, Serializable fn, int arity, String judgeTag, String siteClass,
        String siteMethod, String siteDescriptor, int siteBytecodeIndex) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static SerializedModel of(ModelHandle handle, Serializable fn, int arity) {
        ModelHandle.Origin origin = handle.origin();
        CallSite site = origin.site();
        return new SerializedModel(origin.project(), handle.name(), fn, arity, handle.judgeTag(),
                site == null ? null : site.declaringClass().getName(), site == null ? null : site.methodName(),
                site == null ? null : site.descriptor(), site == null ? -1 : site.bytecodeIndex());
    }

    /** Where trace() was called, when that class can be loaded here; else null. */
    CallSite site() {
        if (siteClass == null) {
            return null;
        }
        try {
            Class<?> type = Class.forName(siteClass, false, fn.getClass().getClassLoader());
            return new CallSite(type, siteMethod, siteDescriptor, siteBytecodeIndex);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Reading gives a wrapper of the same kind that reconnects at its first call. */
    @Serial
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object readResolve() throws java.io.InvalidObjectException {
        Reconnection reconnection = new Reconnection(this);
        return switch (arity) {
            case 0 -> new TracedFn0<>((Fn0) fn, reconnection);
            case 1 -> new TracedFn1<>((Fn1) fn, reconnection);
            case 2 -> new TracedFn2<>((Fn2) fn, reconnection);
            case 3 -> new TracedFn3<>((Fn3) fn, reconnection);
            default -> throw new java.io.InvalidObjectException("a traced function takes 0 to 3 arguments, got "
                    + arity);
        };
    }
}
