package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {
    @Test
    void parsesAndPrintsNameColonVersion() {
        assertThat(Tag.parse("model:v1")).isEqualTo(new Tag("model", 1));
        assertThat(Tag.parse("Concept model:v12").toString()).isEqualTo("Concept model:v12");
        assertThat(Tag.parse("模型:v3").name()).isEqualTo("模型");
    }

    @Test
    void latestIsAReferenceNotATag() {
        assertThat(TagReference.parse("model:latest").isLatest()).isTrue();
        assertThat(TagReference.parse("model:latest").toString()).isEqualTo("model:latest");
        assertThat(TagReference.parse("model:v2").version()).isEqualTo(2);
        assertThatThrownBy(() -> Tag.parse("model:latest")).isInstanceOf(InvalidTag.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"model:v0", "model:v01", "model:vx", ":v1", "model", "model:", "model:1", "model:V1",
        "model:v-1", "model:v1 ", "mo\u0000del:v1", "model:v99999999999", "a:b:v1", "model:latest2"})
    void malformedTagsAreRejected(String text) {
        assertThatThrownBy(() -> TagReference.parse(text)).isInstanceOf(InvalidTag.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> TagReference.parse(null)).isInstanceOf(InvalidTag.class);
        assertThatThrownBy(() -> new Tag("model", 0)).isInstanceOf(InvalidTag.class);
    }
}
