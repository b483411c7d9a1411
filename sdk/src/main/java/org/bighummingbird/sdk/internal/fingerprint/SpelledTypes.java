package org.bighummingbird.sdk.internal.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lambda's explicit parameter types as its source spells them ({@code List<String>}), for people
 * to read beside a version whose class files hold only erased types. Display only, never keyed: the
 * source is found only when the program runs where its sources are, and simple names say nothing
 * certain about which class they mean.
 */
final class SpelledTypes {
    private static final Pattern LAMBDA_PARAMS = Pattern.compile("\\(([^()]*)\\)\\s*->");

    private SpelledTypes() {}

    /** The types of the lambda's parameters from its first source line, or null when not found or implicit. */
    static List<String> of(SourceFiles sources, ClassLoader loader, MethodRef lambda, int arity) {
        if (!lambda.name().startsWith("lambda$")) {
            return null;
        }
        String line = sources.firstLine(loader, lambda.owner(), lambda.name(), lambda.desc());
        Matcher m = line == null ? null : LAMBDA_PARAMS.matcher(line);
        if (m == null || !m.find()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (String param : splitTopLevel(m.group(1))) {
            String p = param.trim().replaceAll("^final\\s+", "");
            int space = p.lastIndexOf(' ');
            if (space < 0) {
                return null; // implicitly typed: nothing to show
            }
            types.add(p.substring(0, space).trim());
        }
        return types.size() == arity ? types : null;
    }

    private static List<String> splitTopLevel(String params) {
        List<String> out = new ArrayList<>();
        if (params.isBlank()) {
            return out;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(params.substring(start, i));
                start = i + 1;
            }
        }
        out.add(params.substring(start));
        return out;
    }
}
