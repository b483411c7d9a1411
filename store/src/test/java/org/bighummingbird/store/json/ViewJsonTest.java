package org.bighummingbird.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.ModelVersionDetail.ShapeCount;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewJsonTest {
    private static final ModelVersionInfo INFO = new ModelVersionInfo(new Tag("Modèle un", 3), "k".repeat(64),
            "f".repeat(64), "{\"parameters\":[\"java.lang.Integer\"],\"returns\":\"java.lang.Integer\",\"erased\":false}",
            1_795_000_000_123_456L);

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1.50", "1E+400", "12345678901234567890123", "3.14159265358979323846264338327950288",
            "\"text\"", "[1,2.5,null]", "{\"a\":{\"b\":true}}"})
    void storedJsonIsParsedWithoutLosingPrecision(String stored) {
        assertThat(ViewJson.compact(ViewJson.parseStored(stored))).isEqualTo(stored);
        assertThat(ViewJson.storedForm(ViewJson.parseStored(stored))).isEqualTo(stored);
    }

    @Test
    void sqlNullIsJsonNullAndBack() {
        assertThat(ViewJson.parseStored(null).isNull()).isTrue();
        assertThat(ViewJson.storedForm(ViewJson.parseStored(null))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "3 4", "{\"a\":", "not json"})
    void textThatIsNotOneJsonValueStaysVisibleAsAString(String damaged) {
        JsonNode node = ViewJson.parseStored(damaged);

        assertThat(node.isTextual()).isTrue();
        assertThat(node.asText()).isEqualTo(damaged);
    }

    @Test
    void versionRoundTrips() {
        JsonNode json = ViewJson.version(INFO);

        assertThat(json.get("tag").asText()).isEqualTo("Modèle un:v3");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-18T11:06:40.123456Z");
        assertThat(json.get("signature").get("erased").asBoolean()).isFalse();
        assertThat(json.has("runs")).as("a listing counts no runs").isFalse();
        assertThat(ViewJson.versionFrom(json)).isEqualTo(INFO);
    }

    @Test
    void versionDetailRoundTripsThroughText() throws Exception {
        ModelVersionDetail detail = new ModelVersionDetail(INFO, 42, "return a + b;\n", "source",
                "{\"jvm\":\"17\",\"git\":{\"dirty\":true}}", List.of(new ShapeCount("\"Integer\"", 40),
                        new ShapeCount("{\"answer\":\"String\"}", 2)));

        String text = ViewJson.compact(ViewJson.versionDetail(detail));

        assertThat(ViewJson.versionDetailFrom(ViewJson.mapper().readTree(text))).isEqualTo(detail);
    }

    @Test
    void runRoundTripsWithAndWithoutError() throws Exception {
        RunView ok = new RunView("0190a0b0-0000-7000-8000-000000000001", new Tag("model", 1), null, null,
                1_795_000_000_000_001L, 1234, "main", "{\"a\":1,\"b\":0.10}", "1.10", "\"Double\"",
                null, null, null, null, null);
        RunView failed = new RunView("0190a0b0-0000-7000-8000-000000000002", new Tag("model", 2),
                ok.id(), ok.id(), 1_795_000_000_000_002L, 99, "pool-1", "{}", null, null,
                "java.lang.IllegalStateException", "<script>alert(1)</script>", "at x.y(Z.java:1)", 0.5, true);

        for (RunView run : List.of(ok, failed)) {
            String text = ViewJson.compact(ViewJson.run(run));
            assertThat(ViewJson.runFrom(ViewJson.mapper().readTree(text))).isEqualTo(run);
        }
    }

    @Test
    void instantsKeepMicroseconds() {
        assertThat(ViewJson.parseInstant("2026-11-27T03:38:56.123456Z")).isEqualTo(1_795_750_736_123_456L);
        assertThat(ViewJson.isoInstant(1_795_750_736_123_456L)).isEqualTo("2026-11-27T03:38:56.123456Z");
        assertThatThrownBy(() -> ViewJson.parseInstant("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViewJson.parseInstant("+1000000000-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentsMissingFieldsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> ViewJson.runFrom(ViewJson.mapper().createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    }
}
