package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of the OpenAPI document, for the keywords the document uses
 * ({@code $ref type properties required additionalProperties items minItems maxItems enum minimum
 * maximum minLength maxLength pattern format:date-time oneOf allOf}); lengths count code points as
 * JSON Schema does. Answers the problems found, empty when the value conforms.
 */
final class JsonSchemaCheck {
    private final JsonNode document;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    JsonSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** The schema a {@code $ref} names. */
    JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    boolean conforms(JsonNode value, JsonNode schema) {
        return problems(value, schema).isEmpty();
    }

    Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            for (JsonNode s : schema.get("allOf")) {
                check(value, s, at, out);
            }
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode s : schema.get("oneOf")) {
                matching += conforms(value, s) ? 1 : 0;
            }
            if (matching != 1) {
                out.add(at + " matches " + matching + " of the oneOf branches, not 1: " + shortened(value));
            }
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            out.add(at + " is not of type " + schema.get("type") + ": " + shortened(value));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                out.add(at + " is not in the enum: " + shortened(value));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                out.add(at + " is below the minimum " + schema.get("minimum") + ": " + value);
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                out.add(at + " is above the maximum " + schema.get("maximum") + ": " + value);
            }
        }
        if (value.isTextual()) {
            String s = value.textValue();
            int length = s.codePointCount(0, s.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                out.add(at + " is shorter than " + schema.get("minLength") + ": " + shortened(value));
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                out.add(at + " is longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !pattern(schema.get("pattern").asText()).matcher(s).find()) {
                out.add(at + " does not match " + schema.get("pattern").asText() + ": " + shortened(value));
            }
            if ("date-time".equals(schema.path("format").asText()) && !isDateTime(s)) {
                out.add(at + " is not an RFC 3339 date-time: " + shortened(value));
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(at + " has fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(at + " has more than " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.get("items"), at + "[" + i + "]", out);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    out.add(at + " lacks " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), out);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    out.add(at + " has the undocumented member " + field.getKey());
                } else if (additional != null && additional.isObject()) {
                    check(field.getValue(), additional, at + "." + field.getKey(), out);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean isDateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String shortened(JsonNode value) {
        String s = value.toString();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
