/**
 * Benchmarks that check the budgets of DESIGN.md §4: JMH {@link org.bighummingbird.bench.TracedCallBenchmark}
 * and {@link org.bighummingbird.bench.TraceSetupBenchmark}, the load harness
 * {@link org.bighummingbird.bench.LocalStoreIngest} and the store's raw insert rate
 * {@link org.bighummingbird.bench.RawStoreIngest}. Results are written down in docs/benchmarks.md.
 */
package org.bighummingbird.bench;
