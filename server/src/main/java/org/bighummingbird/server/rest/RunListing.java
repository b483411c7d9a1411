package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Set;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.ViewJson;

/**
 * {@code GET …/runs?model=&from=&to=&errors=&limit=&cursor=&attr.KEY=VALUE}: one page of runs, newest
 * first, as {@code {"runs":[…], "nextCursor": …}}. Each {@code attr.KEY=VALUE} keeps the runs whose
 * top-level attribute KEY equals VALUE (a string as is, a number or boolean as JSON writes it).
 * Unknown, repeated or malformed parameters are 400.
 */
final class RunListing {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("model", "from", "to", "errors", "limit", "cursor");
    /** Prefix of an attribute filter parameter. */
    static final String ATTRIBUTE_PREFIX = "attr.";
    /** Most attribute filters in one request. */
    static final int MAX_ATTRIBUTE_FILTERS = 8;

    private final Store store;
    private final Lookup lookup;

    RunListing(Store store, Lookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    void list(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        QueryParameters.requireKnown(ctx, PARAMETERS, ATTRIBUTE_PREFIX);
        RunQuery query = query(ctx);
        RunPage page;
        try {
            page = store.runs().page(project, query, ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("cursor is not one this server made: " + e.getMessage());
        }
        if (page.runs().isEmpty() && query.model() != null && store.models().find(project, query.model()).isEmpty()) {
            throw Lookup.noVersion(project, query.model());
        }
        ObjectNode answer = Replies.object();
        ArrayNode runs = answer.putArray("runs");
        for (RunView run : page.runs()) {
            runs.add(ViewJson.run(run));
        }
        answer.put("nextCursor", page.nextCursor());
        Replies.json(ctx, 200, answer);
    }

    private static RunQuery query(Context ctx) {
        RunQuery query = RunQuery.newest(limit(ctx.queryParam("limit")));
        String model = ctx.queryParam("model");
        if (model != null) {
            query = query.withModel(Lookup.tag(model));
        }
        Long from = instant("from", ctx.queryParam("from"));
        Long to = instant("to", ctx.queryParam("to"));
        if (from != null && to != null && from > to) {
            throw Fields.invalid("from must not be after to");
        }
        return withAttributes(ctx, query.withStartedBetween(from, to).withErrorsOnly(errors(ctx.queryParam("errors"))));
    }

    private static RunQuery withAttributes(Context ctx, RunQuery query) {
        int filters = 0;
        for (var param : ctx.queryParamMap().entrySet()) {
            String key = param.getKey();
            if (!key.startsWith(ATTRIBUTE_PREFIX)) {
                continue;
            }
            String name = key.substring(ATTRIBUTE_PREFIX.length());
            if (name.isEmpty() || name.length() > 200) {
                throw Fields.invalid("an attribute filter names a key of 1 to 200 characters, got \""
                        + StrictJson.printable(key) + "\"");
            }
            if (++filters > MAX_ATTRIBUTE_FILTERS) {
                throw Fields.invalid("at most " + MAX_ATTRIBUTE_FILTERS + " attribute filters, got more");
            }
            query = query.withAttribute(name, param.getValue().get(0));
        }
        return query;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw Fields.invalid("limit must be an integer from 1 to " + MAX_LIMIT + ", got \""
                    + StrictJson.printable(text) + "\"");
        }
        return Integer.parseInt(text);
    }

    private static Long instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return ViewJson.parseInstant(text);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(name + " must be an ISO-8601 instant such as 2026-11-27T03:38:56.123456Z, got \""
                    + StrictJson.printable(text) + "\"");
        }
    }

    private static boolean errors(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw Fields.invalid("errors must be true or false, got \"" + StrictJson.printable(text) + "\"");
    }
}
