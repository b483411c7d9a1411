package org.bighummingbird.sdk.internal.fingerprint;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** Reads the {@link SerializedLambda} javac gives every serializable lambda and method reference. */
final class Lambdas {
    private Lambdas() {}

    static SerializedLambda serialized(Serializable fn) {
        Class<?> type = fn.getClass();
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(fn);
            if (replaced instanceof SerializedLambda lambda) {
                return lambda;
            }
        } catch (NoSuchMethodException e) {
            // not a lambda: fall through to the message below
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the code of " + type.getName() + ": " + e, e);
        }
        throw new IllegalArgumentException("fn must be a lambda or a method reference, got an instance of "
                + type.getName() + "; wrap it as a lambda: (x) -> model.apply(x)");
    }

    /** Whether the lambda's implementation is javac's synthetic method rather than a named method. */
    static boolean isSynthetic(SerializedLambda lambda) {
        return lambda.getImplMethodName().startsWith("lambda$");
    }
}
