package org.bighummingbird.server.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;

/**
 * Reads the body of {@code POST …/runs} into a {@link RunBatch} with one streaming parser, by the same
 * rules as {@link StrictJson#mapper()}: no unknown fields, no coercion between strings, numbers and
 * booleans, no duplicate keys, bounded nesting, nothing after the document. Problems are
 * {@code invalid-request} naming the field ({@code runs[3].latencyNs must be an integer}); a duplicate
 * key is {@code malformed-json}, as the binding's parser reports it.
 *
 * <p>Why not the binding: profiled with JFR on the HTTP ingest benchmark (docs/benchmarks.md §9), the
 * record binding spent a sixth of the request in Jackson's duplicate detector (a hash set per run
 * object) and more in its creator buffers. A run's fields are known, so a bit mask per object finds a
 * repeated key at no cost. Each object's fields are a table ({@link Shape}), so one more field is one more line.
 * Stateless and thread-safe.
 */
final class RunBatchReader {
    /**
     * No {@code STRICT_DUPLICATE_DETECTION}: every object of the body has known fields only, and a
     * repeated one is caught by its bit in {@link Shape#values}.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(StrictJson.BODY_DEPTH).build())
            .build();

    /** What a field holds. */
    private enum Kind {
        STRING("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("true or false"), ASSESSMENT("an object"),
        /** Any JSON value, read as a tree (RunBatch.Run checks that it is an object). */
        TREE("a JSON value");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** A field of an object of the body: its name and what it holds. */
    private record Field(String name, Kind kind) {}

    // in the order of the records' components, which is the order of the values
    private static final Shape RUN = new Shape(text("id"), text("modelName"), text("versionKey"), text("parentId"),
            text("rootId"), new Field("startedAtMicros", Kind.INTEGER), new Field("latencyNs", Kind.INTEGER),
            text("thread"), text("inputsJson"), text("outputJson"), text("outputShapeJson"), text("errorType"),
            text("errorMessage"), text("errorStack"), new Field("assessment", Kind.ASSESSMENT),
            new Field("attributes", Kind.TREE));
    private static final Shape ASSESSMENT = new Shape(text("judgeTag"), new Field("score", Kind.NUMBER),
            new Field("passed", Kind.BOOLEAN), text("error"));

    private RunBatchReader() {}

    /**
     * The batch in {@code body}, which {@link BodyReader} has found to open an object.
     *
     * @throws ApiProblem {@code invalid-request} naming the field, or {@code malformed-json} for a repeated key
     * @throws IOException when the body is not JSON ({@link BodyReader} turns it into {@code malformed-json})
     */
    static RunBatch read(byte[] body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            p.nextToken();
            List<RunBatch.Run> runs = null;
            boolean seen = false;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                if (!name.equals("runs")) {
                    throw unknown(name, "", "runs");
                }
                if (seen) {
                    throw duplicate(name, p);
                }
                seen = true;
                runs = runs(p);
            }
            if (p.nextToken() != null) {
                throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body holds data after its JSON document, at "
                        + StrictJson.where(p.currentLocation()));
            }
            return new RunBatch(runs);
        }
    }

    private static List<RunBatch.Run> runs(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw Fields.invalid("runs must be an array");
        }
        List<RunBatch.Run> runs = new ArrayList<>();
        for (token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == JsonToken.VALUE_NULL) {
                runs.add(null);
            } else if (token == JsonToken.START_OBJECT) {
                runs.add(run(p, runs.size()));
            } else {
                throw Fields.invalid("runs[" + runs.size() + "] must be an object");
            }
        }
        return runs;
    }

    private static RunBatch.Run run(JsonParser p, int index) throws IOException {
        Object[] v = RUN.values(p, () -> "runs[" + index + "]");
        return new RunBatch.Run((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
                (Long) v[5], (Long) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10],
                (String) v[11], (String) v[12], (String) v[13], (RunBatch.Assessment) v[14], (JsonNode) v[15]);
    }

    private static RunBatch.Assessment assessment(JsonParser p, Supplier<String> at) throws IOException {
        Object[] v = ASSESSMENT.values(p, at);
        return new RunBatch.Assessment((String) v[0], (Double) v[1], (Boolean) v[2], (String) v[3]);
    }

    private static Field text(String name) {
        return new Field(name, Kind.STRING);
    }

    /** The fields of one kind of object, each with its slot (and bit) in the object's values. */
    private static final class Shape {
        private final Map<String, Integer> slots = new HashMap<>();
        private final Field[] fields;
        private final String known;

        Shape(Field... fields) {
            if (fields.length > Integer.SIZE) {
                throw new IllegalArgumentException("at most 32 fields per object, got " + fields.length);
            }
            this.fields = fields;
            for (int i = 0; i < fields.length; i++) {
                slots.put(fields[i].name(), i);
            }
            known = String.join(", ", slots.keySet().stream().sorted().toList());
        }

        /** The object's values by slot, absent and null fields null; the parser stands on its START_OBJECT. */
        Object[] values(JsonParser p, Supplier<String> at) throws IOException {
            Object[] values = new Object[fields.length];
            int seen = 0;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                Integer slot = slots.get(name);
                if (slot == null) {
                    throw unknown(name, at.get(), known);
                }
                int bit = 1 << slot;
                if ((seen & bit) != 0) {
                    throw duplicate(name, p);
                }
                seen |= bit;
                values[slot] = value(p, fields[slot], at);
            }
            return values;
        }
    }

    private static Object value(JsonParser p, Field field, Supplier<String> at) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            // a tree field holds JSON null as a node, as the binding reads it
            return field.kind() == Kind.TREE ? JsonNodeFactory.instance.nullNode() : null;
        }
        switch (field.kind()) {
            case STRING -> {
                if (token == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
            }
            case INTEGER -> {
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw Fields.invalid(at.get() + "." + field.name() + " must be an integer from " + Long.MIN_VALUE
                                + " to " + Long.MAX_VALUE + ", got " + StrictJson.printable(p.getText()));
                    }
                    return p.getLongValue();
                }
            }
            case NUMBER -> {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return p.getDoubleValue();
                }
            }
            case BOOLEAN -> {
                if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    return token == JsonToken.VALUE_TRUE;
                }
            }
            case ASSESSMENT -> {
                if (token == JsonToken.START_OBJECT) {
                    return assessment(p, () -> at.get() + "." + field.name());
                }
            }
            case TREE -> {
                return tree(p, token);
            }
        }
        throw Fields.invalid(at.get() + "." + field.name() + " must be " + field.kind().expected);
    }

    /**
     * The value the parser stands on as a tree; a key twice in one of its objects is
     * {@code malformed-json}, as everywhere in the body. Depth is bounded by the parser's constraints.
     */
    private static JsonNode tree(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    if (object.has(name)) {
                        throw duplicate(name, p);
                    }
                    object.set(name, tree(p, p.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(tree(p, t));
                }
                yield array;
            }
            case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) { // the node types the binding makes
                case INT -> JsonNodeFactory.instance.numberNode(p.getIntValue());
                case LONG -> JsonNodeFactory.instance.numberNode(p.getLongValue());
                default -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(p.getDoubleValue()); // as the binding reads it
            case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
            default -> throw new IllegalStateException("not a value: " + token);
        };
    }

    private static ApiProblem unknown(String name, String parent, String known) {
        return Fields.invalid("unknown field \"" + StrictJson.printable(name) + "\"" + (parent.isEmpty() ? "" : " in " + parent)
                + "; known fields: " + known);
    }

    private static ApiProblem duplicate(String name, JsonParser p) {
        return ApiProblem.of(ProblemType.MALFORMED_JSON, "the body is not one JSON document: duplicate field \""
                + StrictJson.printable(name) + "\" (" + StrictJson.where(p.currentLocation()) + ")");
    }
}
