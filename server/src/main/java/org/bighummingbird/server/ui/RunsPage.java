package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DashboardQueries;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunFilter;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;

/**
 * {@code …/runs}: the runs table, newest first, filtered and keyset-paged by query parameters
 * ({@code model}, {@code version}, {@code status}, {@code passed}, {@code from}, {@code to}, {@code q},
 * {@code limit}, {@code cursor}); and {@code …/runs/{id}}: one run with its trace tree.
 */
final class RunsPage {
    /** Runs per page unless {@code limit} says otherwise. */
    static final int DEFAULT_PAGE = 50;

    private final Store store;
    private final Pages pages;

    RunsPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * The filters as given, for the form and the paging links.
     *
     * @param model the model, or null
     * @param version the version as {@code v3}, or null
     * @param status {@code ok}, {@code error} or null
     * @param passed {@code yes}, {@code no} or null
     * @param from the start of the time range as given, or null
     * @param to the end of the time range as given, or null
     * @param q the search text, or null
     * @param limit the page size
     */
    public record Form(String model, String version, String status, String passed, String from, String to, String q,
            int limit) {
        /** The query parameters of this filter, plus a cursor (or null). */
        public Map<String, String> params(String cursor) {
            return Links.params("model", model, "version", version, "status", status, "passed", passed, "from", from,
                    "to", to, "q", q, "limit", limit == DEFAULT_PAGE ? null : String.valueOf(limit), "cursor", cursor);
        }
    }

    /**
     * The runs page.
     *
     * @param project the project's name
     * @param form the filters
     * @param models the project's model names, for the filter
     * @param page the runs and the next cursor
     * @param paged whether this is a page after the first
     * @param searchWindow how many runs a text search looks at per page
     */
    public record ListView(String project, Form form, List<String> models, RunPage page, boolean paged,
            int searchWindow) {}

    /**
     * One run in a trace tree.
     *
     * @param run the run
     * @param depth how deep it is (0 for the root)
     */
    public record TraceRow(RunView run, int depth) {}

    /**
     * The run page.
     *
     * @param project the project's name
     * @param run the run
     * @param trace the runs of its trace, parents before children, with depths
     * @param traceCut whether the trace has more runs than shown
     */
    public record RunDetail(String project, RunView run, List<TraceRow> trace, boolean traceCut) {}

    void list(Context ctx) {
        ProjectRef project = pages.project(ctx);
        Params p = new Params(ctx);
        String model = p.name("model");
        Integer version = p.version("version");
        if (version != null && model == null) {
            throw UiError.badRequest("version needs a model: give model too");
        }
        String status = p.choice("status", "ok", "error");
        String passed = p.choice("passed", "yes", "no");
        Long from = p.time("from");
        Long to = p.time("to");
        if (from != null && to != null && from > to) {
            throw UiError.badRequest("from must not be after to");
        }
        String q = p.text("q");
        if (q != null && q.length() > RunFilter.MAX_TEXT) {
            throw UiError.badRequest("q must be at most " + RunFilter.MAX_TEXT + " characters, got " + q.length());
        }
        int limit = p.pageSize("limit", DEFAULT_PAGE);
        String cursor = p.text("cursor");
        if (model != null && version != null && store.models().find(project, new TagReference(model, version)).isEmpty()) {
            throw UiError.notFound("no version " + model + ":v" + version + " in project " + Params.quote(project.name()));
        }
        RunFilter filter = new RunFilter(model, version, status == null ? null : status.equals("error"),
                passed == null ? null : passed.equals("yes"), from, to, q, limit);
        RunPage page;
        try {
            page = store.dashboard().runs(project, filter, cursor);
        } catch (IllegalArgumentException e) {
            throw UiError.badRequest(e.getMessage());
        }
        Form form = new Form(model, version == null ? null : "v" + version, status, passed, p.text("from"),
                p.text("to"), q, limit);
        List<String> models = store.dashboard().models(project).stream().map(m -> m.name()).toList();
        pages.render(ctx, "runs.jte", pages.chrome(ctx, "Runs · " + project.name(), project.name(), "runs"),
                new ListView(project.name(), form, models, page, cursor != null, DashboardQueries.TEXT_SEARCH_WINDOW));
    }

    void show(Context ctx) {
        ProjectRef project = pages.project(ctx);
        String id = Params.runId(ctx.pathParam("run"));
        DashboardQueries dashboard = store.dashboard();
        RunView run = dashboard.run(project, id)
                .orElseThrow(() -> UiError.notFound("no run " + Params.quote(id) + " in project "
                        + Params.quote(project.name())));
        String root = run.rootId() != null ? run.rootId() : run.id();
        List<RunView> trace = dashboard.trace(project, root);
        List<TraceRow> rows = tree(trace);
        pages.render(ctx, "run.jte", pages.chrome(ctx, "Run " + id, project.name(), "runs"),
                new RunDetail(project.name(), run, rows, trace.size() > DashboardQueries.MAX_TRACE));
    }

    /** Parents before their children, children by start; runs whose parent is missing start at depth 0. */
    static List<TraceRow> tree(List<RunView> runs) {
        Map<String, RunView> byId = new HashMap<>();
        Map<String, List<RunView>> children = new HashMap<>();
        for (RunView r : runs) {
            byId.putIfAbsent(r.id(), r);
        }
        List<RunView> tops = new ArrayList<>();
        for (RunView r : byId.values()) {
            if (r.parentId() != null && byId.containsKey(r.parentId()) && !r.parentId().equals(r.id())) {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            } else {
                tops.add(r);
            }
        }
        List<TraceRow> out = new ArrayList<>();
        java.util.Comparator<RunView> byStart = java.util.Comparator.comparingLong(RunView::startedAtMicros)
                .thenComparing(RunView::id);
        tops.sort(byStart);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RunView top : tops) {
            walk(top, 0, children, byStart, seen, out);
        }
        return out;
    }

    private static void walk(RunView run, int depth, Map<String, List<RunView>> children,
            java.util.Comparator<RunView> order, java.util.Set<String> seen, List<TraceRow> out) {
        if (!seen.add(run.id()) || depth > 100) {
            return; // a cycle in hostile parent ids, or absurd depth: shown once, not for ever
        }
        out.add(new TraceRow(run, depth));
        List<RunView> kids = new ArrayList<>(children.getOrDefault(run.id(), List.of()));
        kids.sort(order);
        for (RunView kid : kids) {
            walk(kid, depth + 1, children, order, seen, out);
        }
    }
}
