package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTokensTest {
    @Test
    void base64UrlTokensAre43UrlSafeCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = RandomTokens.base64Url256();
            assertThat(token).hasSize(RandomTokens.BASE64URL_256_LENGTH).matches("[A-Za-z0-9_-]+");
            seen.add(token);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void hexTokensHaveTwoDigitsPerByte() {
        assertThat(RandomTokens.hex(8)).matches("[0-9a-f]{16}");
        assertThat(RandomTokens.hex(1)).matches("[0-9a-f]{2}");
        assertThat(RandomTokens.hex(8)).isNotEqualTo(RandomTokens.hex(8));
    }

    @Test
    void aTokenOfNoBytesIsRefused() {
        assertThatThrownBy(() -> RandomTokens.hex(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> RandomTokens.hex(-3)).isInstanceOf(IllegalArgumentException.class);
    }
}
