package org.bighummingbird.server.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The server's strict JSON: no unknown fields, no coercion between strings, numbers and booleans, no
 * duplicate keys, bounded nesting; and the check that a {@code …Json} string field holds exactly one
 * JSON value.
 */
final class StrictJson {
    /** Nesting allowed in request bodies, which are shallow records. */
    static final int BODY_DEPTH = 32;
    /** Nesting allowed inside a {@code …Json} field (a model's inputs and outputs). */
    static final int VALUE_DEPTH = 500;

    /**
     * Says what {@link JsonValueCheck} refused. Keys are not canonicalized: Jackson's symbol table
     * refuses many keys of one hash (or fails on them with an IllegalStateException), depending on
     * what earlier parses left in it, where the check accepts them.
     */
    private static final JsonFactory VALUES = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(VALUE_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    private StrictJson() {}

    static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(BODY_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Strings are strings and numbers are numbers: "12" is no long, 12 no string, "" no list.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.Collection, LogicalType.POJO}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * Null when {@code text} is exactly one JSON value, else what is wrong with it. Jackson runs only
     * when {@link JsonValueCheck} refuses the text: to say why, and to accept the few long numbers the
     * check leaves to it.
     */
    static String oneValueProblem(String text) {
        return JsonValueCheck.isOneValue(text, VALUE_DEPTH) ? null : jacksonProblem(text);
    }

    /** What Jackson finds wrong with {@code text} as exactly one JSON value; null if nothing. */
    static String jacksonProblem(String text) {
        try (JsonParser parser = VALUES.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return "it is empty";
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return "it holds data after its JSON value, at " + where(parser.currentLocation());
            }
            return null;
        } catch (JsonProcessingException e) {
            return describe(e);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * What is wrong, for a problem's detail: the field's path and what was expected, in the API's
     * terms (never the server's class names).
     */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return "unknown field \"" + printable(unknown.getPropertyName()) + "\"" + where(parentPath(unknown))
                    + "; known fields: " + known;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String path = path(mismatch);
            return (path.isEmpty() ? "the body" : path) + " must be " + kind(mismatch.getTargetType());
        }
        String message = printable(e.getOriginalMessage().replaceAll("`[^`]*`", "").replaceAll("\\(class [^)]*\\)", ""));
        JsonLocation location = e.getLocation();
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        return (path.isEmpty() ? "" : "at " + path + ": ") + message + (location == null ? "" : " (" + where(location) + ")");
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String parentPath(JsonMappingException e) {
        String path = path(e);
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, path.charAt(cut) == '.' ? cut : path.indexOf(']', cut) + 1);
    }

    private static String where(String parent) {
        return parent.isEmpty() ? "" : " in " + parent;
    }

    static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** At most 200 characters, control characters escaped: safe to echo in a detail. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(200).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
