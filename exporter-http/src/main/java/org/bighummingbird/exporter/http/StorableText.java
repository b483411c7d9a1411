package org.bighummingbird.exporter.http;

/**
 * Free text (a thread name, an exception message or stack, an evaluation row's error) as the server
 * takes it and the embedded store keeps it: a raw U+0000 or an unpaired surrogate becomes U+FFFD.
 * The server refuses both (PostgreSQL cannot store them), and refusing a batch of runs for one
 * exception message would lose every run in it.
 */
final class StorableText {
    private StorableText() {}

    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == 0 || (!pair && Character.isSurrogate(c))) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
                if (pair) {
                    out.append(text.charAt(++i));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
