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
}
