package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of a request's query parameters, each failing as {@code invalid-request} naming the parameter. */
final class QueryParameters {
    private QueryParameters() {}

    /** Every parameter is one of {@code known} and given at most once. */
    static void requireKnown(Context ctx, Set<String> known) {
        requireKnown(ctx, known, null);
    }

    /** Every parameter is one of {@code known} or starts with {@code prefix} (when not null), each given at most once. */
    static void requireKnown(Context ctx, Set<String> known, String prefix) {
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (!known.contains(param.getKey()) && (prefix == null || !param.getKey().startsWith(prefix))) {
                throw Fields.invalid("unknown query parameter \"" + StrictJson.printable(param.getKey())
                        + "\"; known: " + String.join(", ", known.stream().sorted().toList()));
            }
            if (param.getValue().size() > 1) {
                throw Fields.invalid("query parameter " + param.getKey() + " is given more than once");
            }
        }
    }

    /** An integer parameter from {@code min} to {@code max}, {@code fallback} when absent. */
    static int integer(Context ctx, String name, int min, int max, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) < min || Long.parseLong(text) > max) {
            throw Fields.invalid(name + " must be an integer from " + min + " to " + max + ", got \""
                    + StrictJson.printable(text) + "\"");
        }
        return Integer.parseInt(text);
    }
}
