package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"model", "Concept Project", "a", "模型", "Модель_1-2.3", "ü ö ä", "x1"})
    void lettersDigitsSpacesAndUnderscoreDashDotAreValid(String name) {
        assertThat(Names.requireValid("model name", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b", "tab\t", "nl\n", "nul\u0000", "esc\u001b[31m", "zw\u200b", "bidi\u202e", "a/b", "a;b",
        "'quote", "<script>", "emoji🐦"})
    void everythingElseIsInvalidAndTheMessageIsOneEscapedLine(String name) {
        assertThatThrownBy(() -> Names.requireValid("model name", name))
                .isInstanceOf(InvalidName.class)
                .hasMessageStartingWith("model name may hold only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\t", "\u0000", "\u202e"));
    }

    @Test
    void blankNullAndOverLongNamesAreInvalid() {
        assertThatThrownBy(() -> Names.requireValid("project name", null)).hasMessage("project name must not be null");
        assertThatThrownBy(() -> Names.requireValid("project name", " \n ")).hasMessage(
                "project name must not be blank, got \" \\u000A \"");
        assertThatThrownBy(() -> Names.requireValid("project name", "x".repeat(201)))
                .hasMessage("project name must be at most 200 characters, got 201");
        assertThat(Names.isValid("x".repeat(200))).isTrue();
        assertThat(Names.isValid("模".repeat(200))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", ". .", " . ", ".. ..", ".\u3000."})
    void onlyDotsAndSpacesAreInvalid(String name) {
        assertThatThrownBy(() -> Names.requireValid("project name", name)).isInstanceOf(InvalidName.class)
                .hasMessageStartingWith("project name must not be only dots and spaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {".a", "a.", "v1.2", "..x..", "_.", "-"})
    void dotsBesideAnythingElseAreValid(String name) {
        assertThat(Names.isValid(name)).isTrue();
    }
}
