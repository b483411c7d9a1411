package org.bighummingbird.internal.fingerprint;

/**
 * Where user code called {@code trace()}, as a {@link StackWalker} frame tells it.
 *
 * @param declaringClass the calling class
 * @param methodName the calling method
 * @param descriptor the calling method's descriptor
 * @param lineNumber the line of the call, or -1
 */
public record CallSite(Class<?> declaringClass, String methodName, String descriptor, int lineNumber) {
    /** The first frame below the SDK's own frames on the current thread's stack, or null. */
    public static CallSite current(Class<?> sdkType) {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .dropWhile(f -> !f.getDeclaringClass().equals(sdkType))
                .dropWhile(f -> f.getDeclaringClass().equals(sdkType))
                .findFirst()
                .map(f -> new CallSite(f.getDeclaringClass(), f.getMethodName(), f.getDescriptor(), f.getLineNumber()))
                .orElse(null));
    }
}
