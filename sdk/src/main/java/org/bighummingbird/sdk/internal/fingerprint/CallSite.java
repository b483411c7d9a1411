package org.bighummingbird.sdk.internal.fingerprint;

/**
 * Where user code called {@code trace()}, as a {@link StackWalker} frame tells it.
 *
 * @param declaringClass the calling class
 * @param methodName the calling method
 * @param descriptor the calling method's descriptor
 * @param bytecodeIndex the index of the call instruction in the method's code: unlike a line number,
 *     there without debug information, and it tells two calls on one line apart
 */
public record CallSite(Class<?> declaringClass, String methodName, String descriptor, int bytecodeIndex) {
    /** The first frame below the SDK's own frames on the current thread's stack, or null. */
    public static CallSite current(Class<?> sdkType) {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .dropWhile(f -> !f.getDeclaringClass().equals(sdkType))
                .dropWhile(f -> f.getDeclaringClass().equals(sdkType))
                .findFirst()
                .map(f -> new CallSite(f.getDeclaringClass(), f.getMethodName(), f.getDescriptor(),
                        f.getByteCodeIndex()))
                .orElse(null));
    }
}
