package org.bighummingbird.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import org.bighummingbird.store.json.ViewJson;

/** Writes JSON answers, with the mapper of {@link ViewJson} so stored numbers keep their precision. */
final class Replies {
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = ViewJson.mapper();

    private Replies() {}

    static void json(Context ctx, int status, JsonNode document) {
        try {
            ctx.status(status).contentType(JSON).result(MAPPER.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
