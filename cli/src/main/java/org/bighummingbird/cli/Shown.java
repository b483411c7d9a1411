package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a show command ({@code bhb models show}, {@code judges show}) prints the one item it found:
 * with {@code --json} one JSON object, else its text report. Finding it, and failing when it is not
 * there, stays with the command, which knows what to call it.
 */
final class Shown {
    private Shown() {}

    /** Prints {@code item} to the command's stdout as {@code toJson}'s document or as {@code text} writes it. */
    static <T> void print(CommandSpec spec, boolean json, T item, Function<T, JsonNode> toJson,
            BiConsumer<T, PrintWriter> text) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson.apply(item));
        } else {
            text.accept(item, out);
        }
    }
}
