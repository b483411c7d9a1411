package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonOutputTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1.50", "1E+400", "12345678901234567890123", "3.14159265358979323846264338327950288",
            "\"text\"", "[1,2.5,null]", "{\"a\":{\"b\":true}}"})
    void storedJsonIsParsedWithoutLosingPrecision(String stored) {
        assertThat(JsonOutput.compact(JsonOutput.parse(stored))).isEqualTo(stored);
    }

    @Test
    void sqlNullIsJsonNull() {
        assertThat(JsonOutput.parse(null).isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "3 4", "{\"a\":", "not json"})
    void textThatIsNotOneJsonValueStaysVisibleAsAString(String damaged) {
        JsonNode node = JsonOutput.parse(damaged);

        assertThat(node.isTextual()).isTrue();
        assertThat(node.asText()).isEqualTo(damaged);
    }
}
