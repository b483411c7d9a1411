package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bighummingbird.core.RunRecord;
import org.junit.jupiter.api.Test;

class RunSerializerTest {
    private static final List<Object> VALUES = Arrays.asList(null, "", "plain", "quote \" backslash \\ tab \t nl \n",
            "\u0000\u001f control", "ünïcødé 🐦 \u2028", 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, 0.0, -0.0, 1.5, 1e-7, 1.0e300, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.1f, Float.NaN, -3.4e38f, (short) -7, (byte) 127, true, false,
            new BigDecimal("1.50"), List.of(1, "two", 3.0), Map.of("k", List.of(true)), UUID.fromString(
                    "0190b5c4-2d1e-7c3a-8f00-000000000001"), JsonNodeFactory.instance.objectNode().put("a", 1),
            Unserializable.of(new Object() {
                @Override
                public String toString() {
                    return "odd";
                }
            }));

    @Test
    void everyInputAndOutputIsWrittenAsItsJacksonTreeWouldBe() throws Exception {
        for (Object value : VALUES) {
            Object snapshot = Snapshots.of(value);
            RunRecord run = RunSerializer.toRecord(event(new Object[] {snapshot, snapshot}, snapshot));
            ObjectNode inputs = JsonNodeFactory.instance.objectNode();
            inputs.set("x", RunSerializer.tree(snapshot));
            inputs.set("arg1", RunSerializer.tree(snapshot));
            assertThat(run.inputsJson()).as("inputs %s", value).isEqualTo(Json.WRITER.writeValueAsString(inputs));
            assertThat(run.outputJson()).as("output %s", value)
                    .isEqualTo(Json.WRITER.writeValueAsString(RunSerializer.tree(snapshot)));
            assertThat(run.outputShapeJson()).as("shape %s", value)
                    .isEqualTo(Json.WRITER.writeValueAsString(Shapes.of(snapshot)));
        }
    }

    @Test
    void aScalarShapeIsItsTypeNameAndAContainerShapeItsElements() {
        assertThat(RunSerializer.toRecord(event(new Object[0], 3)).outputShapeJson()).isEqualTo("\"Integer\"");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scores", new ArrayList<>(List.of(1.0, 2.0)));
        answer.put("answer", "yes");
        assertThat(RunSerializer.toRecord(event(new Object[0], Snapshots.of(answer))).outputShapeJson())
                .isEqualTo("{\"answer\":\"String\",\"scores\":[\"Double\"]}");
        assertThat(RunSerializer.toRecord(event(new Object[0], null)).outputShapeJson()).isEqualTo("\"null\"");
    }

    @Test
    void aRunThatThrewHasNoOutputAndKeepsItsInputs() {
        RunRecord run = RunSerializer.toRecord(new RunEvent(new ModelIdentity("m", "k", List.of("x")),
                UUID.randomUUID(), null, null, 0, 1, "t", new Object[] {"q"}, null, new IllegalStateException("no")));
        assertThat(run.inputsJson()).isEqualTo("{\"x\":\"q\"}");
        assertThat(run.outputJson()).isNull();
        assertThat(run.outputShapeJson()).isNull();
        assertThat(run.errorType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(run.errorMessage()).isEqualTo("no");
    }

    private static RunEvent event(Object[] inputs, Object output) {
        return new RunEvent(new ModelIdentity("m", "k", List.of("x")), UUID.randomUUID(), null, null, 0, 1, "t",
                inputs, output, null);
    }
}
