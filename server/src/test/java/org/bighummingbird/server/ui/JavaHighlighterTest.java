package org.bighummingbird.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {
    static String joined(List<JavaHighlighter.Token> tokens) {
        return tokens.stream().map(JavaHighlighter.Token::text).collect(Collectors.joining());
    }

    @Test
    void classifiesJavaAndConcatenatesBackExactly() {
        String code = "// lambda in com.acme.Bot\n@Override public String f(int x) { return \"a\\\"b\" + 'c' + 42L; /* c */ }";
        List<JavaHighlighter.Token> tokens = JavaHighlighter.tokens(code);
        assertThat(joined(tokens)).isEqualTo(code);
        assertThat(tokens).extracting(JavaHighlighter.Token::kind, JavaHighlighter.Token::text)
                .contains(tuple("com", "// lambda in com.acme.Bot"), tuple("ann", "@Override"), tuple("kw", "public"),
                        tuple("typ", "String"), tuple("kw", "int"), tuple("str", "\"a\\\"b\""), tuple("str", "'c'"),
                        tuple("num", "42L"), tuple("com", "/* c */"), tuple("kw", "return"));
    }

    @Test
    void unterminatedAndRandomTextNeverFailsAndLosesNothing() {
        for (String code : List.of("\"open string", "/* open comment", "'", "@", "x\\", "", "\"a\nb\"", "1.2.3e",
                "<script>alert(1)</script>")) {
            assertThat(joined(JavaHighlighter.tokens(code))).isEqualTo(code);
        }
        Random random = new Random(3);
        String alphabet = "ab1 \"'/*@\\\n<>&_.";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(joined(JavaHighlighter.tokens(s.toString()))).isEqualTo(s.toString());
        }
    }
}
