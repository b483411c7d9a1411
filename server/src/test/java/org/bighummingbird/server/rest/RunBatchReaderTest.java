package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader of run batches reads what the strict binding reads, and refuses what it refuses. */
class RunBatchReaderTest {
    private static final ObjectMapper BINDING = StrictJson.mapper();
    private static final String FULL = "{\"id\":\"r1\",\"modelName\":\"m\",\"versionKey\":\"k\",\"parentId\":\"p\","
            + "\"rootId\":\"q\",\"startedAtMicros\":1700000000000000,\"latencyNs\":12,\"thread\":\"main\","
            + "\"inputsJson\":\"{\\\"a\\\":1}\",\"outputJson\":\"2\",\"outputShapeJson\":\"\\\"int\\\"\","
            + "\"errorType\":\"E\",\"errorMessage\":\"boom \\u00e9\",\"errorStack\":\"at x\","
            + "\"assessment\":{\"judgeTag\":\"j:v1\",\"score\":0.5,\"passed\":true,\"error\":null}}";

    @ParameterizedTest
    @ValueSource(strings = {"{\"runs\":[" + FULL + "]}", "{\"runs\":[]}", "{}", "{\"runs\":null}", "{\"runs\":[null]}",
        "{\"runs\":[{}]}", "{\"runs\":[{\"assessment\":null,\"latencyNs\":-3}]}", "{\"runs\":[{\"assessment\":{\"score\":7}}]}",
        " {\"runs\" : [ " + FULL + " , " + FULL + " ] } \n", "{\"runs\":[{\"startedAtMicros\":-9223372036854775808}]}",
        "{\"runs\":[{\"attributes\":{\"tokens\":7,\"t\":0.5,\"ok\":true,\"n\":null,\"l\":[1,\"x\",{\"y\":[]}],"
            + "\"big\":12345678901234,\"huge\":123456789012345678901234567890,\"e\":{}}}]}",
        "{\"runs\":[{\"attributes\":null}]}", "{\"runs\":[{\"attributes\":\"x\"}]}", "{\"runs\":[{\"attributes\":[1]}]}"})
    void readsWhatTheBindingReads(String body) throws IOException {
        assertThat(read(body)).isEqualTo(BINDING.readValue(body, RunBatch.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"runs\":\"x\"}", "{\"runs\":1}", "{\"runs\":{}}", "{\"runs\":[1]}", "{\"runs\":[\"x\"]}",
        "{\"runs\":[[]]}", "{\"runs\":[{\"id\":7}]}", "{\"runs\":[{\"id\":false}]}", "{\"runs\":[{\"id\":{}}]}",
        "{\"runs\":[{\"startedAtMicros\":\"1\"}]}", "{\"runs\":[{\"latencyNs\":1.5}]}", "{\"runs\":[{\"latencyNs\":true}]}",
        "{\"runs\":[{\"latencyNs\":\"\"}]}", "{\"runs\":[{\"latencyNs\":9223372036854775808}]}", "{\"runs\":[{\"thread\":[\"x\"]}]}",
        "{\"runs\":[{\"assessment\":\"x\"}]}", "{\"runs\":[{\"assessment\":{\"score\":\"1\"}}]}",
        "{\"runs\":[{\"assessment\":{\"passed\":\"true\"}}]}", "{\"runs\":[{\"assessment\":{\"passed\":1}}]}",
        "{\"runs\":[{\"assessment\":{\"nope\":1}}]}", "{\"runs\":[{\"idd\":\"x\"}]}", "{\"extra\":1}",
        "{\"runs\":[],\"extra\":[1,{\"deep\":[]}]}"})
    void refusesWhatTheBindingRefuses(String body) {
        assertThatThrownBy(() -> BINDING.readValue(body, RunBatch.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_REQUEST));
    }

    @Test
    void problemsNameTheFieldInTheApisTerms() {
        assertThat(detail("{\"runs\":[{\"id\":7}]}")).isEqualTo("runs[0].id must be a string");
        assertThat(detail("{\"runs\":[{},{\"startedAtMicros\":\"1\"}]}")).isEqualTo("runs[1].startedAtMicros must be an integer");
        assertThat(detail("{\"runs\":\"x\"}")).isEqualTo("runs must be an array");
        assertThat(detail("{\"runs\":[{},{},7]}")).isEqualTo("runs[2] must be an object");
        assertThat(detail("{\"runs\":[{\"assessment\":{\"passed\":1}}]}")).isEqualTo("runs[0].assessment.passed must be true or false");
        assertThat(detail("{\"runs\":[{\"assessment\":{\"score\":\"x\"}}]}")).isEqualTo("runs[0].assessment.score must be a number");
        assertThat(detail("{\"runs\":[{\"latencyNs\":123456789012345678901234567890}]}"))
                .isEqualTo("runs[0].latencyNs must be an integer from -9223372036854775808 to 9223372036854775807,"
                        + " got 123456789012345678901234567890");
        assertThat(detail("{\"runs\":[{\"idd\":\"x\"}]}")).isEqualTo("unknown field \"idd\" in runs[0]; known fields: "
                + "assessment, attributes, errorMessage, errorStack, errorType, id, inputsJson, latencyNs, modelName, outputJson,"
                + " outputShapeJson, parentId, rootId, startedAtMicros, thread, versionKey");
        assertThat(detail("{\"runs\":[{\"assessment\":{\"x\\u0001\":1}}]}"))
                .isEqualTo("unknown field \"x\\u0001\" in runs[0].assessment; known fields: error, judgeTag, passed, score");
        assertThat(detail("{\"extra\":1}")).isEqualTo("unknown field \"extra\"; known fields: runs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"runs\":[],\"runs\":[]}", "{\"runs\":[{\"id\":\"a\",\"id\":\"a\"}]}",
        "{\"runs\":[{\"assessment\":{\"score\":1,\"score\":2}}]}", "{\"runs\":[{\"errorStack\":null,\"errorStack\":\"x\"}]}",
        "{\"runs\":[{\"attributes\":{\"a\":1,\"a\":2}}]}", "{\"runs\":[{\"attributes\":{\"o\":[{\"k\":1,\"k\":1}]}}]}"})
    void aRepeatedKeyIsMalformedJson(String body) {
        assertThatThrownBy(() -> BINDING.readValue(body, RunBatch.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(p.getMessage()).contains("duplicate field");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"runs\":[]} x", "{\"runs\":[]}{}", "{\"runs\":[", "{\"runs\":[{\"id\":\"a\"]}", "{\"runs\":[NaN]}",
        "{\"runs\":[{\"latencyNs\":01}]}", "{'runs':[]}"})
    void aBodyThatIsNotOneDocumentIsRefused(String body) {
        assertThatThrownBy(() -> read(body)).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(JsonProcessingException.class),
                e -> assertThat(e).isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_JSON)));
    }

    @Test
    void nestingPastTheBodyDepthIsRefusedInAnUnknownFieldToo() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> read("{\"runs\":[{\"inputsJson\":" + deep + "}]}")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> read("{\"runs\":[{\"assessment\":{\"judgeTag\":" + deep + "}}]}")).isInstanceOf(ApiProblem.class);
    }

    private static RunBatch read(String body) throws IOException {
        return RunBatchReader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String detail(String body) {
        try {
            read(body);
        } catch (ApiProblem e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted " + body);
    }
}
