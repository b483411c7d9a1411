package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a list command ({@code bhb models}, {@code runs}, {@code datasets}, {@code judges}, {@code evals})
 * prints what it read: with {@code --json} one JSON array, each item written as it is read; else a
 * table with one row per item; and for no items at all a line on stderr saying so, stdout empty.
 *
 * @param <T> the item type
 */
final class Listing<T> {
    private final Function<T, JsonNode> toJson;
    private final String[] header;
    private final Function<T, String[]> row;

    private Listing(Function<T, JsonNode> toJson, String[] header, Function<T, String[]> row) {
        this.toJson = toJson;
        this.header = header;
        this.row = row;
    }

    /**
     * A listing whose {@code --json} items are {@code toJson}'s documents and whose table has the
     * {@code header} columns, filled by {@code row}.
     */
    static <T> Listing<T> of(Function<T, JsonNode> toJson, Function<T, String[]> row, String... header) {
        return new Listing<>(toJson, header, row);
    }

    /**
     * Prints {@code items} to the command's stdout, or {@code none} to its stderr when there are
     * none and the output is a table.
     */
    void print(CommandSpec spec, boolean json, Iterable<T> items, String none) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.printArray(out, items, toJson);
        } else if (!items.iterator().hasNext()) {
            spec.commandLine().getErr().println(none);
        } else {
            Table table = Table.withHeader(header);
            for (T item : items) {
                table.row(row.apply(item));
            }
            table.print(out);
        }
    }
}
