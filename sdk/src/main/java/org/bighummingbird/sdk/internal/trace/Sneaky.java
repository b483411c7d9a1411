package org.bighummingbird.sdk.internal.trace;

/** Rethrows any throwable unchanged, checked or not, so a traced call fails exactly as the model did. */
final class Sneaky {
    private Sneaky() {}

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
