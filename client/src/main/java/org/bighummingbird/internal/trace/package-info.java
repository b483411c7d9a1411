/**
 * The traced call: {@link org.bighummingbird.internal.trace.Tracer} fingerprints a model once,
 * {@link org.bighummingbird.internal.trace.ModelHandle} turns each call into a run event on the
 * calling thread with no I/O, and the {@code TracedFnN} wrappers are what users hold.
 */
package org.bighummingbird.internal.trace;
