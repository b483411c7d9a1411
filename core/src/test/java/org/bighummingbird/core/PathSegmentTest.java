package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSegmentTest {
    @Test
    void unreservedCharactersStayAndEveryOtherByteIsPercentEncoded() {
        assertThat(PathSegment.encode("model-1.v_2~")).isEqualTo("model-1.v_2~");
        assertThat(PathSegment.encode("Concept Project")).isEqualTo("Concept%20Project");
        assertThat(PathSegment.encode("add:latest")).isEqualTo("add%3Alatest");
        assertThat(PathSegment.encode("a/b?c&d=e+f#g%")).isEqualTo("a%2Fb%3Fc%26d%3De%2Bf%23g%25");
        assertThat(PathSegment.encode("日本")).isEqualTo("%E6%97%A5%E6%9C%AC");
    }
}
