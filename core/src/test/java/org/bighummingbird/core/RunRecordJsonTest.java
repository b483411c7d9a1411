package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Runs as JSON (the spool, the server's API): an assessment travels only when there is one. */
class RunRecordJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunRecord run(RunAssessment assessment) {
        return new RunRecord("00000000-0000-7000-8000-000000000001", "model", "key", null, null, 1, 2, "main", "{}",
                "1", "\"Integer\"", null, null, null, assessment);
    }

    @Test
    void aRunWithoutAssessmentIsWrittenAsBefore() throws Exception {
        String json = JSON.writeValueAsString(run(null));

        assertThat(JSON.readTree(json).has("assessment")).isFalse();
        assertThat(JSON.readValue(json, RunRecord.class)).isEqualTo(run(null));
    }

    @Test
    void anAssessmentRoundTrips() throws Exception {
        RunRecord assessed = run(new RunAssessment("judge-id", null, null, "the judge failed"));

        assertThat(JSON.readValue(JSON.writeValueAsString(assessed), RunRecord.class)).isEqualTo(assessed);
    }

    @Test
    void theJudgeTravelsByIdByTagOrBothAndAnOlderSpoolStillReads() throws Exception {
        for (RunAssessment a : java.util.List.of(new RunAssessment("judge-id", "judge:v1", 0.5, true, null),
                new RunAssessment(null, "judge:v1", 0.5, null, null), new RunAssessment("judge-id", 1.0, false, null))) {
            assertThat(JSON.readValue(JSON.writeValueAsString(run(a)), RunRecord.class)).isEqualTo(run(a));
        }
        String byTag = JSON.writeValueAsString(new RunAssessment("judge-id", "judge:v1", 2.0, true, null).byTag());
        assertThat(byTag).isEqualTo("{\"judgeTag\":\"judge:v1\",\"score\":2.0,\"passed\":true,\"error\":null}");
        String older = "{\"judgeVersionId\":\"judge-id\",\"score\":null,\"passed\":null,\"error\":\"x\"}";
        assertThat(JSON.readValue(older, RunAssessment.class)).isEqualTo(new RunAssessment("judge-id", null, null, "x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunAssessment(null, null, 1.0, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
