package org.bighummingbird.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Request bodies for the tests: registrations and runs as the SDK sends them. */
public final class Fixtures {
    private static final AtomicLong CLOCK = new AtomicLong(1_795_750_736_000_000L);

    private Fixtures() {}

    public static String key(String model, String code) {
        return org.bighummingbird.core.Hashing.sha256Hex(model + "\n" + code);
    }

    public static ObjectNode registration(String model, String code) {
        ObjectNode node = Http.JSON.createObjectNode();
        node.put("modelName", model);
        node.put("key", key(model, code));
        node.put("codeFingerprint", org.bighummingbird.core.Hashing.sha256Hex(code));
        node.put("signatureJson", "{\"parameters\":[\"java.lang.Integer\",\"java.lang.Integer\"],\"returns\":\"java.lang.Integer\",\"erased\":false}");
        node.put("code", code);
        node.put("codeKind", "source");
        node.put("metadataJson", "{\"jvm\":\"17\"}");
        return node;
    }

    public static ObjectNode run(String model, String code, String inputsJson) {
        ObjectNode node = Http.JSON.createObjectNode();
        node.put("id", UUID.randomUUID().toString());
        node.put("modelName", model);
        node.put("versionKey", key(model, code));
        node.putNull("parentId");
        node.putNull("rootId");
        node.put("startedAtMicros", CLOCK.incrementAndGet());
        node.put("latencyNs", 1234);
        node.put("thread", "main");
        node.put("inputsJson", inputsJson);
        node.put("outputJson", "3");
        node.put("outputShapeJson", "\"Integer\"");
        node.putNull("errorType");
        node.putNull("errorMessage");
        node.putNull("errorStack");
        return node;
    }

    public static ObjectNode batch(ObjectNode... runs) {
        ObjectNode node = Http.JSON.createObjectNode();
        ArrayNode array = node.putArray("runs");
        for (ObjectNode run : runs) {
            array.add(run);
        }
        return node;
    }
}
