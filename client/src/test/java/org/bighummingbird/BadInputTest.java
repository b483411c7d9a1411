package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.bighummingbird.core.InvalidName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {
    @TempDir
    Path home;
    BigHummingbird bhb;

    @BeforeEach
    void open() {
        bhb = BigHummingbird.local("P", home);
    }

    @AfterEach
    void close() {
        bhb.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "model:v1", ":", "tab\tname", "line\nbreak", "nul\u0000", "bell\u0007",
        "del\u007f", "rtl\u202e", "slash/name", "semi;colon", "quote'name", "<script>"})
    void invalidModelNamesAreRejectedWithTheReason(String name) {
        assertThatThrownBy(() -> bhb.trace(name, (Integer a) -> a))
                .isInstanceOf(InvalidName.class)
                .hasMessageStartingWith("model name");
    }

    @Test
    void nullAndOverLongNamesAreRejected() {
        assertThatThrownBy(() -> bhb.trace(null, (Integer a) -> a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> bhb.trace("x".repeat(201), (Integer a) -> a))
                .isInstanceOf(InvalidName.class).hasMessageContaining("at most 200");
        assertThat(((Traced) bhb.trace("x".repeat(200), (Integer a) -> a)).name()).hasSize(200);
    }

    @Test
    void unicodeLettersDigitsSpacesAndPunctuationAreFine() {
        var model = bhb.trace("Модель 模型 ü_1-2.3", (Integer a) -> a);
        assertThat(model.apply(7)).isEqualTo(7);
        assertThat(((Traced) model).tag()).isEqualTo("Модель 模型 ü_1-2.3:v1");
    }

    @Test
    void aLambdaWithoutANameSaysSo() {
        assertThatThrownBy(() -> bhb.trace((Integer a) -> a + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a lambda has no name");
    }

    @Test
    void aMethodReferenceNamesItself() {
        var add = bhb.trace(BadInputTest::add);
        assertThat(add.apply(2, 3)).isEqualTo(5);
        assertThat(((Traced) add).tag()).isEqualTo("add:v1");
    }

    static int add(int a, int b) {
        return a + b;
    }

    @Test
    void nullFunctionsAreRejected() {
        assertThatThrownBy(() -> bhb.trace("m", (Fn1<Integer, Integer>) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fn must not be null");
    }

    /** A class, not a lambda: its code cannot be read from a SerializedLambda. */
    static final class Doubler implements Fn1<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer apply(Integer a) {
            return a * 2;
        }
    }

    @Test
    void anInstanceOfAClassIsRejectedWithAHint() {
        assertThatThrownBy(() -> bhb.trace("m", new Doubler()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda or a method reference")
                .hasMessageContaining(Doubler.class.getName());
    }

    @Test
    void invalidProjectNamesFailAtConfigurationTime() {
        assertThatThrownBy(() -> BigHummingbird.local("a:b", home)).isInstanceOf(InvalidName.class)
                .hasMessageStartingWith("project name");
        assertThatThrownBy(() -> BigHummingbird.local(" ", home)).isInstanceOf(InvalidName.class);
        assertThatThrownBy(() -> BigHummingbird.local(null, home)).isInstanceOf(InvalidName.class);
    }

    @Test
    void builderOptionsAreValidatedAtOnceNamingTheParameter() {
        var builder = BigHummingbird.builder("P");
        assertThatThrownBy(() -> builder.queueCapacity(0)).hasMessage("queueCapacity must be positive, got 0");
        assertThatThrownBy(() -> builder.closeTimeout(Duration.ofSeconds(-1))).hasMessageContaining("closeTimeout");
        assertThatThrownBy(() -> builder.tagTimeout(Duration.ofSeconds(-1))).hasMessageContaining("tagTimeout");
        assertThatThrownBy(() -> builder.retryBackoff(Duration.ZERO)).hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> builder.home(null)).isInstanceOf(NullPointerException.class).hasMessage("home");
    }

    @Test
    void closingTwiceIsHarmlessAndCallsAfterCloseStillReturnResults() {
        var model = bhb.trace("m", (Integer a) -> a + 1);
        bhb.close();
        bhb.close();
        assertThat(model.apply(1)).isEqualTo(2);
        assertThat(bhb.droppedRuns()).isEqualTo(1);
    }
}
