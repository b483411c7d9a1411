package org.bighummingbird.sdk.internal.fingerprint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's program for the versioning contract: a {@code demo.Main} that opens a project on the
 * store named by its first argument and runs a body, with the other classes it needs.
 *
 * @param project the project it opens
 * @param sources source text by fully qualified class name
 */
record DemoProgram(String project, Map<String, String> sources) {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^public (?:final )?(?:class|record|enum|interface) (\\w+)",
            Pattern.MULTILINE);

    /** {@code body} inside {@code main}, in a try-with-resources that opens {@code bhb}. */
    static DemoProgram main(String project, String body, String... classes) {
        return mainWith(project, body, "", classes);
    }

    /** As {@link #main}, with other members of {@code demo.Main}. */
    static DemoProgram mainWith(String project, String body, String members, String... classes) {
        String main = """
                package demo;

                import java.nio.file.Path;
                import java.util.*;
                import org.bighummingbird.*;

                public class Main {
                    public static void main(String[] args) {
                        try (BigHummingbird bhb = BigHummingbird.local("%s", Path.of(args[0]))) {
                %s
                        }
                    }

                %s
                }
                """.formatted(project, body.indent(12).stripTrailing(), members.indent(4).stripTrailing());
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(className(main), main);
        for (String source : classes) {
            sources.put(className(source), source);
        }
        return new DemoProgram(project, sources);
    }

    private static String className(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher type = TYPE.matcher(source);
        if (!pkg.find() || !type.find()) {
            throw new IllegalArgumentException("no package or public type in:\n" + source);
        }
        return pkg.group(1) + "." + type.group(1);
    }
}
