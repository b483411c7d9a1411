package org.bighummingbird.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.bighummingbird.store.json.ViewJson;

/**
 * The {@code --json} side of every command: a command prints exactly one document, built by
 * {@link ViewJson} (the same documents the server answers).
 */
final class JsonOutput {
    private static final ObjectMapper MAPPER = ViewJson.mapper();

    private JsonOutput() {}

    /** A new empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Compact one-line JSON, for table cells. */
    static String compact(JsonNode node) {
        return ViewJson.compact(node);
    }

    /** Prints {@code document} followed by one newline, and flushes. */
    static void print(PrintWriter out, JsonNode document) {
        try (JsonGenerator json = generator(out)) {
            json.writeTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /**
     * Prints one JSON array of {@code items}, each turned into JSON as it is written, so a long
     * listing never sits in memory twice (as nodes and as text).
     */
    static <T> void printArray(PrintWriter out, Iterable<T> items, Function<T, JsonNode> toJson) {
        try (JsonGenerator json = generator(out)) {
            json.writeStartArray();
            for (T item : items) {
                json.writeTree(toJson.apply(item));
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /**
     * Prints one JSON object: the fields of {@code header}, then {@code field} as an array of
     * {@code items}, each turned into JSON as it is written (any number of items, bounded memory).
     */
    static <T> void printObjectWithArray(PrintWriter out, ObjectNode header, String field, Iterable<T> items,
            Function<T, JsonNode> toJson) {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            for (var member : header.properties()) {
                json.writeFieldName(member.getKey());
                json.writeTree(member.getValue());
            }
            json.writeArrayFieldStart(field);
            for (T item : items) {
                json.writeTree(toJson.apply(item));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static JsonGenerator generator(PrintWriter out) throws IOException {
        JsonGenerator json = MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        return json;
    }
}
