package org.bighummingbird.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.sdk.internal.export.Json;
import org.junit.jupiter.api.Test;

class RunBodiesTest {
    private static RunRecord run(int i, RunAssessment assessment) {
        boolean failed = i % 3 == 0;
        return new RunRecord("01a2-" + i, "möde\"l", "k".repeat(64), i % 2 == 0 ? null : "p" + i, i % 2 == 0 ? null : "r",
                1_764_000_000_000_000L + i, Long.MAX_VALUE - i, "caller \\ 🐦", "{\"a\":" + i + ",\"s\":\"<script>\"}",
                failed ? null : Integer.toString(i), failed ? null : "\"Integer\"", failed ? "java.lang.IllegalStateException" : null,
                failed ? "line\nbreak \u2028" : null, failed ? "\tat x.y(Z.java:1)\n" : null, assessment);
    }

    @Test
    void eachRunIsWrittenAsJacksonWritesTheRecordTheServerReads() throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RunAssessment assessment = switch (i % 4) {
                case 0 -> null;
                case 1 -> new RunAssessment("judge-id-" + i, "judge:v2", 0.25 * i, i % 2 == 1, null);
                case 2 -> new RunAssessment(null, "judge:v1", null, null, "the judge threw");
                default -> new RunAssessment(null, "judge:v3", 1.0, null, null);
            };
            runs.add(run(i, assessment));
        }
        List<BodyPacker.Body> bodies = RunBodies.split(Json.copy(), runs);

        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0).items()).isEqualTo(12);
        String expected = runs.stream().map(RunBodiesTest::asTheServerGetsIt).collect(Collectors.joining(",",
                "{\"runs\":[", "]}"));
        assertThat(new String(bodies.get(0).json(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(expected).doesNotContain("judgeVersionId");
    }

    @Test
    void bodiesAreCutByRunsAndByBytesAndARunLargerThanTheLimitTravelsAlone() throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            runs.add(run(i, null));
        }
        assertThat(RunBodies.split(Json.copy(), runs, 4, Integer.MAX_VALUE)).extracting(BodyPacker.Body::items)
                .containsExactly(4, 4, 2);
        int oneRun = asTheServerGetsIt(runs.get(0)).length();
        List<BodyPacker.Body> byBytes = RunBodies.split(Json.copy(), runs, 100, 3 * oneRun);
        assertThat(byBytes).allSatisfy(b -> assertThat(b.json().length).isLessThanOrEqualTo(3 * oneRun));
        assertThat(byBytes.stream().mapToInt(BodyPacker.Body::items).sum()).isEqualTo(10);
        assertThat(RunBodies.split(Json.copy(), runs.subList(0, 3), 100, 10)).extracting(BodyPacker.Body::items)
                .containsExactly(1, 1, 1);
    }

    @Test
    void attributesTravelAsANestedObjectAfterTheOtherFields() throws Exception {
        RunRecord plain = run(1, null);
        String attributes = "{\"cost\":0.25,\"gen_ai.usage.input_tokens\":12,\"raw\":{\"a\":[1]}}";
        RunRecord withAttributes = plain.withAttributes(attributes);

        String body = new String(RunBodies.split(Json.copy(), List.of(withAttributes)).get(0).json(),
                StandardCharsets.UTF_8);

        String without = asTheServerGetsIt(plain);
        assertThat(body).isEqualTo("{\"runs\":[" + without.substring(0, without.length() - 1)
                + ",\"attributes\":" + attributes + "}]}");
    }

    private static String asTheServerGetsIt(RunRecord r) {
        try {
            RunAssessment a = r.assessment();
            // as bytes, as the SDK sends them (Jackson's UTF-8 writer escapes surrogate pairs)
            return new String(Json.WRITER.writeValueAsBytes(a == null ? r : r.withAssessment(a.byTag())),
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
