package org.bighummingbird.bench;

import java.util.Locale;

/** Application helpers of the model {@link TraceSetupBenchmark} traces: feature extraction. */
final class Features {
    private Features() {}

    /** A score from the words of a text: calls {@link #words} and {@link #weight}, two calls deep. */
    static double score(String text) {
        double total = 0;
        for (String word : words(text)) {
            total += weight(word);
        }
        return total;
    }

    static String[] words(String text) {
        return text.toLowerCase(Locale.ROOT).split("\\W+");
    }

    static double weight(String word) {
        return switch (word) {
            case "great", "good", "love" -> 1.0;
            case "bad", "awful", "hate" -> -1.0;
            default -> word.length() > 12 ? 0.1 : 0.0;
        };
    }
}
