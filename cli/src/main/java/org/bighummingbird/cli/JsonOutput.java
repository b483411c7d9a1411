package org.bighummingbird.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The {@code --json} side of every command: stored JSON columns become JSON values (not strings
 * holding JSON), and a command prints exactly one document. Numbers keep their stored precision.
 */
final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private JsonOutput() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * A stored JSON column as a value: SQL NULL is JSON null; text that is not one JSON value (a
     * damaged row) stays visible as a string rather than failing the whole listing.
     */
    static JsonNode parse(String storedJson) {
        if (storedJson == null) {
            return NullNode.instance;
        }
        try {
            JsonNode node = MAPPER.readTree(storedJson);
            return node == null || node.isMissingNode() ? TextNode.valueOf(storedJson) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(storedJson);
        }
    }

    /** Compact one-line JSON, for table cells. */
    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
