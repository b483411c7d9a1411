package org.bighummingbird.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a version's stored JSON (signature, metadata) for display; unreadable JSON shows as empty. */
final class Metadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROWS = 500;

    private Metadata() {}

    static JsonNode parse(String json) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json);
            return node == null ? MissingNode.getInstance() : node;
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Every leaf as {@code key.path → value}, in document order; at most 500. */
    static List<Map.Entry<String, String>> flatten(String json) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        flatten("", parse(json), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> out) {
        if (out.size() >= MAX_ROWS) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (!node.isMissingNode()) {
            String value = node.isObject() ? "(none)" : node.isValueNode() ? node.asText() : node.toString();
            out.add(Map.entry(prefix.isEmpty() ? "(metadata)" : prefix, value));
        }
    }
}
