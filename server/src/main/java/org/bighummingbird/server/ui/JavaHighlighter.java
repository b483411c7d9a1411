package org.bighummingbird.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small Java tokenizer for showing code: splits text into spans of one kind (keyword, string,
 * number, comment, annotation, type or plain), which the template writes escaped inside
 * {@code <span class="kind">}. Never fails: unterminated strings and comments run to the end of
 * the line or text. Covers the code and bytecode listings the SDK records.
 */
public final class JavaHighlighter {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "sealed", "permits", "true", "false", "null");

    /**
     * One span of code.
     *
     * @param kind the CSS class: {@code kw}, {@code str}, {@code num}, {@code com}, {@code ann},
     *     {@code typ} or empty for plain text
     * @param text the characters, unescaped
     */
    public record Token(String kind, String text) {}

    private JavaHighlighter() {}

    /** The tokens of {@code code}, which concatenate back to it exactly. */
    public static List<Token> tokens(String code) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = code.length();
        StringBuilder plain = new StringBuilder();
        while (i < n) {
            char c = code.charAt(i);
            int end;
            String kind;
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                end = lineEnd(code, i);
                kind = "com";
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                kind = "com";
            } else if (c == '"' || c == '\'') {
                end = quoted(code, i, c);
                kind = "str";
            } else if (Character.isDigit(c)) {
                end = i;
                while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '.'
                        || code.charAt(end) == '_')) {
                    end++;
                }
                kind = "num";
            } else if (c == '@' || Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                String word = code.substring(i, end);
                kind = c == '@' ? "ann" : KEYWORDS.contains(word) ? "kw"
                        : Character.isUpperCase(c) ? "typ" : null;
            } else {
                plain.append(c);
                i++;
                continue;
            }
            if (kind == null) {
                plain.append(code, i, end);
            } else {
                flush(plain, out);
                out.add(new Token(kind, code.substring(i, end)));
            }
            i = end;
        }
        flush(plain, out);
        return out;
    }

    private static int lineEnd(String code, int from) {
        int nl = code.indexOf('\n', from);
        return nl < 0 ? code.length() : nl;
    }

    private static int quoted(String code, int from, char quote) {
        int i = from + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return code.length();
    }

    private static void flush(StringBuilder plain, List<Token> out) {
        if (plain.length() > 0) {
            out.add(new Token("", plain.toString()));
            plain.setLength(0);
        }
    }
}
