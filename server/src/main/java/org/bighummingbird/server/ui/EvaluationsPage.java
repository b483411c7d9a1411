package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bighummingbird.core.Names;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationComparisonPage;
import org.bighummingbird.store.EvaluationComparisonSummary;
import org.bighummingbird.store.EvaluationFilter;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * {@code …/evaluations} (newest first, filtered by model, dataset, judge), {@code …/evaluations/{id}}
 * (summary and rows, paged, failed or errors only) and {@code …/evaluations/compare?a=&b=} (B against A
 * on matched rows, regressions only on demand).
 */
final class EvaluationsPage {
    static final int DEFAULT_PAGE = 100;
    /** Most rows one page of an evaluation reads while filtering for failed or error rows. */
    static final int SCAN_LIMIT = 10_000;

    private final Store store;
    private final Pages pages;

    EvaluationsPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * The evaluation list.
     *
     * @param project the project's name
     * @param model the model filter as given, or null
     * @param dataset the dataset filter as given, or null
     * @param judge the judge filter as given, or null
     * @param evaluations the matching evaluations, newest first
     * @param limit how many are shown at most
     */
    public record ListView(String project, String model, String dataset, String judge,
            List<EvaluationInfo> evaluations, int limit) {}

    /**
     * One evaluation.
     *
     * @param project the project's name
     * @param evaluation its header and summary
     * @param rows this page's rows
     * @param show {@code all}, {@code failed} or {@code errors}
     * @param from the first row index this page looked at
     * @param next where the next page starts, or -1 on the last page
     * @param limit the page size
     */
    public record Detail(String project, EvaluationInfo evaluation, List<EvaluationRowView> rows, String show,
            int from, int next, int limit) {}

    /**
     * A comparison.
     *
     * @param project the project's name
     * @param comparison the two evaluations and the counts of regressions, improvements and unchanged rows
     * @param rows this page's rows
     * @param show {@code all}, {@code regressions} or {@code improvements}
     * @param from the row index this page starts at
     * @param next the row index the next page starts at, or -1 on the last page
     * @param limit the page size
     */
    public record Compare(String project, EvaluationComparisonSummary comparison,
            List<EvaluationComparison.RowDelta> rows, String show, int from, int next, int limit) {}

    void list(Context ctx) {
        ProjectRef project = pages.project(ctx);
        Params p = new Params(ctx);
        String model = p.text("model");
        String dataset = p.text("dataset");
        String judge = p.text("judge");
        String[] m = nameAndVersion("model", model);
        String[] d = nameAndVersion("dataset", dataset);
        String[] j = nameAndVersion("judge", judge);
        int limit = p.pageSize("limit", DEFAULT_PAGE);
        EvaluationFilter filter = new EvaluationFilter(m[0], version(m), d[0], version(d), j[0], version(j));
        List<EvaluationInfo> evaluations = store.dashboard().evaluations(project, filter, limit);
        pages.render(ctx, "evaluations.jte", pages.chrome(ctx, "Evaluations · " + project.name(), project.name(),
                "evaluations"), new ListView(project.name(), model, dataset, judge, evaluations, limit));
    }

    /** {@code name} or {@code name:vN} split; {@code [null, null]} for null. */
    static String[] nameAndVersion(String param, String value) {
        if (value == null) {
            return new String[2];
        }
        int colon = value.lastIndexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!Names.isValid(name)) {
            throw UiError.badRequest(param + " must be a name or a tag such as bot:v2, got " + Params.quote(value));
        }
        if (colon < 0) {
            return new String[] {name, null};
        }
        Params.version(param, value.substring(colon + 1));
        return new String[] {name, value.substring(colon + 1)};
    }

    private static Integer version(String[] nameAndVersion) {
        return nameAndVersion[1] == null ? null : Params.version("version", nameAndVersion[1]);
    }

    void show(Context ctx) {
        ProjectRef project = pages.project(ctx);
        String id = Params.evaluationId("evaluation id", ctx.pathParam("id"));
        Params p = new Params(ctx);
        String show = p.choice("show", "all", "failed", "errors");
        show = show == null ? "all" : show;
        int from = p.index("from");
        int limit = p.pageSize("limit", DEFAULT_PAGE);
        EvaluationInfo evaluation = store.evaluations().find(project, id)
                .orElseThrow(() -> UiError.notFound("no evaluation " + id + " in project " + Params.quote(project.name())));
        List<EvaluationRowView> rows = new ArrayList<>();
        int next = from;
        int scanned = 0;
        boolean more = true;
        while (rows.size() < limit && scanned < SCAN_LIMIT && more) {
            int chunk = "all".equals(show) ? limit : Math.min(org.bighummingbird.store.EvaluationStore.MAX_PAGE, SCAN_LIMIT - scanned);
            List<EvaluationRowView> page = store.evaluations().rows(project, id, next, chunk);
            more = page.size() == chunk;
            for (EvaluationRowView row : page) {
                scanned++;
                next = row.index() + 1;
                if (keep(show, row)) {
                    rows.add(row);
                    if (rows.size() == limit) {
                        break;
                    }
                }
            }
        }
        if (rows.size() == limit || (more && scanned >= SCAN_LIMIT)) {
            more = !store.evaluations().rows(project, id, next, 1).isEmpty();
        }
        pages.render(ctx, "evaluation.jte", pages.chrome(ctx, "Evaluation " + id, project.name(), "evaluations"),
                new Detail(project.name(), evaluation, rows, show, from, more ? next : -1, limit));
    }

    private static boolean keep(String show, EvaluationRowView row) {
        return switch (show) {
            case "failed" -> row.isFailure();
            case "errors" -> row.isError();
            default -> true;
        };
    }

    void compare(Context ctx) {
        ProjectRef project = pages.project(ctx);
        List<String> picked = ctx.queryParams("id");
        if (!picked.isEmpty()) {
            if (picked.size() != 2) {
                throw UiError.badRequest("pick exactly two evaluations to compare, got " + picked.size());
            }
            String x = Params.evaluationId("id", picked.get(0));
            String y = Params.evaluationId("id", picked.get(1));
            // The list is newest first: the older of the two is the baseline A.
            ctx.redirect(Links.compare(project.name(), y, x), HttpStatus.SEE_OTHER);
            return;
        }
        Params p = new Params(ctx);
        String a = Params.evaluationId("a", required(p, "a"));
        String b = Params.evaluationId("b", required(p, "b"));
        String show = p.choice("show", "all", "regressions", "improvements");
        show = show == null ? "all" : show;
        int from = p.index("from");
        int limit = p.pageSize("limit", DEFAULT_PAGE);
        // The counts by one aggregate query, the rows a page from a row index: never every row.
        EvaluationComparisonSummary summary = store.evaluations().compareSummary(project, a, b);
        EvaluationComparisonPage page = store.evaluations().compareRows(project, a, b,
                EvaluationComparisonPage.Show.valueOf(show.toUpperCase(Locale.ROOT)), from, limit);
        pages.render(ctx, "compare.jte", pages.chrome(ctx, "Compare evaluations", project.name(), "evaluations"),
                new Compare(project.name(), summary, page.rows(), show, from, page.nextIndex(), limit));
    }

    private static String required(Params p, String name) {
        String v = p.text(name);
        if (v == null) {
            throw UiError.badRequest(name + " is required: the id of an evaluation to compare");
        }
        return v;
    }
}
