package org.bighummingbird;

import java.nio.file.Path;

/** A program that traces and returns from main without closing: the shutdown hook must deliver. */
public final class ExitWithoutClose {
    private ExitWithoutClose() {}

    public static void main(String[] args) {
        var bhb = BigHummingbird.local("P", Path.of(args[0]));
        var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++) {
            model.apply(i, i);
        }
        if (args.length > 2 && args[2].equals("exit")) {
            System.exit(3);
        }
    }
}
