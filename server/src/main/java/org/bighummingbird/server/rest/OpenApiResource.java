package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3.1 document beside this class. */
final class OpenApiResource {
    static final String DOCUMENT = "openapi.json";

    private final byte[] document;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the server's resources");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(Context ctx) {
        ctx.status(200).contentType(Replies.JSON).result(document);
    }
}
