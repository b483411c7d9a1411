package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Declarative judge specs: every kind's valid spec passes; each broken field is named. */
class JudgeSpecsTest {
    static final String LLM = "{\"kind\":\"llm\",\"model\":\"gpt-4o-mini\",\"promptTemplate\":\"Rate {{ output }} for"
            + " {{input}} against {{expected}}\",\"systemPrompt\":\"\",\"baseUrl\":\"http://localhost:11434\","
            + "\"apiKeyVariable\":\"OPENAI_API_KEY\",\"temperature\":0.5,\"timeoutMillis\":60000,\"maxRetries\":3,"
            + "\"passingThreshold\":7}";

    static JsonNode json(String text) {
        return CanonicalJson.parse(text);
    }

    static String field(String kind, String spec) {
        try {
            JudgeSpecs.requireValid(kind, json(spec));
        } catch (InvalidJudgeSpec e) {
            assertThat(e.getMessage()).startsWith(e.field());
            return e.field();
        }
        throw new AssertionError("accepted: " + spec);
    }

    static String llmWith(String field, String valueJson) {
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) json(LLM);
        if (valueJson == null) {
            spec.remove(field);
        } else {
            spec.set(field, json(valueJson));
        }
        return spec.toString();
    }

    @Test
    void validSpecsOfEveryKindPass() {
        for (String[] ok : new String[][] {{"exact", "{\"kind\":\"exact\"}"}, {"contains", "{\"kind\":\"contains\"}"},
                {"regex", "{\"kind\":\"regex\",\"pattern\":\"^a+(b|c)$\"}"}, {"tolerance", "{\"kind\":\"tolerance\","
                + "\"tolerance\":0}"}, {"tolerance", "{\"kind\":\"tolerance\",\"tolerance\":0.25}"}, {"llm", LLM},
                {"llm", llmWith("apiKeyVariable", null)}, {"llm", llmWith("apiKeyVariable", "null")},
                {"llm", llmWith("passingThreshold", null)}, {"llm", llmWith("temperature", "2")},
                {"llm", llmWith("timeoutMillis", "60000.0")}, {"llm", llmWith("maxRetries", "0")}}) {
            assertThatCode(() -> JudgeSpecs.requireValid(ok[0], json(ok[1]))).as(ok[1]).doesNotThrowAnyException();
        }
    }

    @Test
    void theIssuesProbesNameTheirField() {
        assertThat(field("regex", "{\"kind\":\"regex\"}")).isEqualTo("pattern");
        assertThat(field("regex", "{\"kind\":\"regex\",\"pattern\":\"(\"}")).isEqualTo("pattern");
        assertThat(field("llm", llmWith("temperature", "\"hot\""))).isEqualTo("temperature");
        assertThat(field("tolerance", "{\"kind\":\"tolerance\",\"tolerance\":-1}")).isEqualTo("tolerance");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model|null", "model|\"  \"", "model|7", "promptTemplate|\"no placeholder\"",
        "promptTemplate|\"{{output}} {{secret}}\"", "promptTemplate|\"\"", "promptTemplate|[]",
        "systemPrompt|null", "systemPrompt|{}", "baseUrl|\"ftp://x\"", "baseUrl|\"http://h/v1\"",
        "baseUrl|\"http://u:p@h\"", "baseUrl|\"http://h?q=1\"", "baseUrl|\"not a url\"", "baseUrl|\"/relative\"",
        "apiKeyVariable|\"1ABC\"", "apiKeyVariable|\"A B\"", "apiKeyVariable|5", "temperature|-0.1",
        "temperature|2.01", "temperature|null", "temperature|\"0.5\"", "timeoutMillis|0", "timeoutMillis|-5",
        "timeoutMillis|1.5", "timeoutMillis|86400001", "timeoutMillis|1e300", "maxRetries|11", "maxRetries|-1",
        "maxRetries|true", "passingThreshold|\"high\"", "passingThreshold|[1]"})
    void eachBrokenLlmFieldIsNamed(String name, String value) {
        assertThat(field("llm", llmWith(name, value.equals("null") ? "null" : value))).isEqualTo(name);
    }

    @Test
    void aMissingRequiredLlmFieldIsNamed() {
        for (String name : new String[] {"model", "promptTemplate", "systemPrompt", "baseUrl", "temperature",
                "timeoutMillis", "maxRetries"}) {
            assertThat(field("llm", llmWith(name, null))).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":\"regex\",\"pattern\":1}", "{\"kind\":\"regex\",\"pattern\":\"[a-\"}",
        "{\"kind\":\"regex\",\"pattern\":\"a{2,1}\"}", "{\"kind\":\"regex\",\"pattern\":null}"})
    void brokenPatternsAreNamed(String spec) {
        assertThat(field("regex", spec)).isEqualTo("pattern");
    }

    @Test
    void aDeeplyNestedPatternIsRefusedNotACrash() {
        String deep = "(".repeat(200_000) + ")".repeat(200_000);
        assertThat(field("regex", "{\"kind\":\"regex\",\"pattern\":\"" + deep + "\"}")).isEqualTo("pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":\"tolerance\"}", "{\"kind\":\"tolerance\",\"tolerance\":\"1\"}",
        "{\"kind\":\"tolerance\",\"tolerance\":-0.0001}", "{\"kind\":\"tolerance\",\"tolerance\":null}"})
    void brokenTolerancesAreNamed(String spec) {
        assertThat(field("tolerance", spec)).isEqualTo("tolerance");
    }

    @Test
    void unknownFieldsAndKindsAreRefused() {
        assertThat(field("exact", "{\"kind\":\"exact\",\"pattern\":\"a\"}")).isEqualTo("pattern");
        assertThat(field("contains", "{\"kind\":\"contains\",\"x\":1}")).isEqualTo("x");
        assertThat(field("exact", "{\"kind\":\"contains\"}")).isEqualTo("kind");
        assertThat(field("exact", "{}")).isEqualTo("kind");
        assertThat(field("exact", "[]")).isEqualTo("kind");
        assertThatThrownBy(() -> JudgeSpecs.requireValid("code", json("{\"kind\":\"code\"}")))
                .isInstanceOf(InvalidJudgeSpec.class).hasMessageContaining("declarative");
        assertThat(JudgeSpecs.kinds()).containsExactlyInAnyOrder("exact", "contains", "regex", "tolerance", "llm");
    }
}
