package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bighummingbird.server.Http;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void theDocumentDescribesExactlyTheRegisteredRoutes(@TempDir Path home) throws Exception {
        Set<String> registered = new TreeSet<>();
        try (Store store = Store.openLocal(home)) {
            Javalin app = Javalin.create(cfg -> Routes.register(cfg.routes, store, new Limits(1024, 10)));
            app.unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(e -> e.endpoint.method.isHttpMethod())
                    .forEach(e -> registered.add(e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path));
        }
        Set<String> documented = new TreeSet<>();
        JsonNode paths = document().get("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.get(path).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method + " " + path);
                }
            });
        }

        assertThat(registered).hasSizeGreaterThanOrEqualTo(10);
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void everyDocumentedOperationHasResponsesAndResolvableReferences() throws Exception {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        doc.get("paths").forEach(item -> item.forEach(operation -> {
            assertThat(operation.get("responses")).isNotNull();
            assertThat(operation.get("operationId").asText()).isNotBlank();
        }));
        for (String ref : references(doc, new TreeSet<>())) {
            JsonNode target = doc.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
        assertThat(doc.at("/components/schemas/Problem/properties/type/enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Stream.of(ProblemType.values()).map(ProblemType::uri).toArray(String[]::new));
    }

    private static Set<String> references(JsonNode node, Set<String> found) {
        if (node.has("$ref")) {
            found.add(node.get("$ref").asText());
        }
        node.forEach(child -> references(child, found));
        return found;
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            return Http.JSON.readTree(in);
        }
    }
}
