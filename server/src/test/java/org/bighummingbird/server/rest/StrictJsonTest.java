package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
    private static final ObjectMapper MAPPER = StrictJson.mapper();

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":false}", "{\"id\":7}", "{\"id\":1.5}", "{\"startedAtMicros\":\"123\"}",
        "{\"latencyNs\":1.5}", "{\"latencyNs\":true}", "{\"latencyNs\":\"\"}", "{\"thread\":{}}", "{\"thread\":[\"x\"]}",
        "{\"latencyNs\":null,\"nope\":1}"})
    void scalarsAreNeverCoerced(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, RunBatch.Run.class)).isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"runs\":\"x\"}", "{\"runs\":\"\"}", "{\"runs\":1}", "{\"runs\":{}}", "{\"runs\":[1]}",
        "{\"runs\":[\"x\"]}"})
    void batchesMustHoldAListOfObjects(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, RunBatch.class)).isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"s\"", "{\"a\":[1,2,{\"b\":null}]}", "  true  ", "-0.5e10"})
    void oneJsonValueIsAccepted(String text) {
        assertThat(StrictJson.oneValueProblem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1 2", "{\"a\":", "NaN", "{\"a\":1,\"a\":2}", "'single'", "[1,]", "{} x"})
    void anythingElseIsAProblem(String text) {
        assertThat(StrictJson.oneValueProblem(text)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void problemsNameTheFieldInTheApisTermsNotTheServersClasses() {
        assertThat(detail("{\"runs\":[{\"id\":7}]}")).isEqualTo("runs[0].id must be a string");
        assertThat(detail("{\"runs\":[{\"startedAtMicros\":\"1\"}]}")).isEqualTo("runs[0].startedAtMicros must be an integer");
        assertThat(detail("{\"runs\":\"x\"}")).isEqualTo("runs must be an array");
        assertThat(detail("{\"runs\":[{\"idd\":\"x\"}]}")).startsWith("unknown field \"idd\" in runs[0]; known fields: ")
                .contains("errorMessage").doesNotContain("org.bighummingbird");
        assertThat(detail("{\"extra\":1}")).startsWith("unknown field \"extra\"; known fields: runs");
    }

    private static String detail(String json) {
        try {
            MAPPER.readValue(json, RunBatch.class);
            throw new AssertionError("accepted " + json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return StrictJson.describe(e);
        }
    }
}
