package org.bighummingbird.bench;

/** An application helper of the model {@link TraceSetupBenchmark} traces: score to label. */
final class Labels {
    private Labels() {}

    static String of(double score) {
        return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
    }
}
