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

    static final java.util.List<String> NAMES = java.util.List.of("bot", "Concept Project", "v1.2", "模型", "ü ö",
            "a_b-c", ".", "..", "...", ". .", " ", "", "a:b", "tab\tx", "🐦", "x".repeat(200), "x".repeat(201), "..x",
            "_", "-", "nul\u0000", "a/b", "\u202e", "Ⅻ", "٣", "x\u0301");

    @Test
    void theNameAndTagPatternsAreTheServersRules() throws Exception {
        JsonNode doc = document();
        JsonSchemaCheck check = new JsonSchemaCheck(doc);
        JsonNode name = doc.at("/components/schemas/ProjectRequest/properties/name");
        JsonNode tag = null;
        JsonNode concrete = doc.at("/components/schemas/EvaluationCreation/properties/modelTag");
        for (JsonNode p : doc.at("/paths/~1api~1v1~1projects~1{project}~1models~1{tag}/get/parameters")) {
            if (p.get("name").asText().equals("tag")) {
                tag = p.get("schema");
            }
        }
        for (String n : NAMES) {
            JsonNode text = Http.JSON.getNodeFactory().textNode(n);
            assertThat(check.conforms(text, name)).as("name \"%s\"", n).isEqualTo(org.bighummingbird.core.Names.isValid(n));
            for (String suffix : java.util.List.of(":v1", ":latest", ":v0", ":v01", ":v123456789", ":v1234567890", "")) {
                JsonNode t = Http.JSON.getNodeFactory().textNode(n + suffix);
                assertThat(check.conforms(t, tag)).as("tag \"%s\"", n + suffix).isEqualTo(parses(() ->
                        org.bighummingbird.core.TagReference.parse(n + suffix)));
                assertThat(check.conforms(t, concrete)).as("tag \"%s\"", n + suffix).isEqualTo(parses(() ->
                        org.bighummingbird.core.Tag.parse(n + suffix)));
            }
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void theMaximaAreTheServersAndNoTransportHeaderIsAParameter() throws Exception {
        JsonNode doc = document();
        assertThat(doc.at("/components/schemas/Run/properties/startedAtMicros/maximum").asLong())
                .isEqualTo(org.bighummingbird.core.RunBounds.MAX_STARTED_AT_MICROS);
        assertThat(doc.at("/components/schemas/Run/properties/startedAtMicros/minimum").asLong())
                .isEqualTo(org.bighummingbird.core.RunBounds.MIN_STARTED_AT_MICROS);
        assertThat(doc.at("/components/schemas/Run/properties/latencyNs/maximum").asLong())
                .isEqualTo(org.bighummingbird.core.RunBounds.MAX_LATENCY_NS);
        assertThat(doc.at("/components/schemas/EvaluationRowUpload/properties/latencyNs/maximum").asLong())
                .isEqualTo(org.bighummingbird.core.RunBounds.MAX_LATENCY_NS);
        assertThat(doc.at("/components/schemas/EvaluationRowBatch/properties/rows/maxItems").asInt())
                .isEqualTo(EvaluationsResource.MAX_BATCH_ROWS);
        doc.get("paths").forEach(item -> item.forEach(operation -> operation.path("parameters").forEach(p -> {
            assertThat(p.get("in").asText()).as(p.toString()).isNotEqualTo("header");
            if (p.get("name").asText().equals("offset")) {
                assertThat(p.at("/schema/maximum").asLong()).isEqualTo(Integer.MAX_VALUE);
            }
        })));
        assertThat(doc.at("/components/responses/MethodNotAllowed/headers/Allow").isMissingNode()).isFalse();
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
