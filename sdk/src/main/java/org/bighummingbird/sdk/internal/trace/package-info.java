/**
 * The traced call: {@link org.bighummingbird.sdk.internal.trace.Tracer} fingerprints a model once,
 * {@link org.bighummingbird.sdk.internal.trace.ModelHandle} turns each call into a run event on the
 * calling thread with no I/O, and the {@code TracedFnN} wrappers are what users hold. A wrapper
 * serializes as a {@code SerializedModel} and reconnects through
 * {@link org.bighummingbird.sdk.internal.trace.OpenTrackers} in the JVM that reads it.
 */
package org.bighummingbird.sdk.internal.trace;
