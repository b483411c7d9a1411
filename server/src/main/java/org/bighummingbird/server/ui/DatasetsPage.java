package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.EvaluationFilter;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/** {@code …/datasets} (every version) and {@code …/datasets/{name}/v{N}} (rows paged, JSONL download). */
final class DatasetsPage {
    static final int DEFAULT_PAGE = 100;
    private static final int DOWNLOAD_CHUNK = 1_000;

    private final Store store;
    private final Pages pages;

    DatasetsPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * The dataset list.
     *
     * @param project the project's name
     * @param versions every version, by name then version
     */
    public record ListView(String project, List<DatasetVersionInfo> versions) {}

    /**
     * One dataset version.
     *
     * @param project the project's name
     * @param dataset the version
     * @param rows this page's rows
     * @param from the first row's index
     * @param next where the next page starts, or -1
     * @param limit the page size
     * @param evaluations evaluations on this version, newest first
     */
    public record Detail(String project, DatasetVersionInfo dataset, List<DatasetRowView> rows, int from, int next,
            int limit, List<EvaluationInfo> evaluations) {}

    void list(Context ctx) {
        ProjectRef project = pages.project(ctx);
        pages.render(ctx, "datasets.jte", pages.chrome(ctx, "Datasets · " + project.name(), project.name(), "datasets"),
                new ListView(project.name(), store.datasets().list(project)));
    }

    void show(Context ctx) {
        ProjectRef project = pages.project(ctx);
        DatasetVersionInfo dataset = find(ctx, project);
        Params p = new Params(ctx);
        int from = p.index("from");
        int limit = p.pageSize("limit", DEFAULT_PAGE);
        List<DatasetRowView> rows = store.datasets().rows(project, dataset.tag(), from, limit);
        int next = from + rows.size() < dataset.rowCount() && rows.size() == limit ? from + limit : -1;
        List<EvaluationInfo> evaluations = store.dashboard().evaluations(project, new EvaluationFilter(null, null,
                dataset.tag().name(), dataset.tag().version(), null, null), 50);
        pages.render(ctx, "dataset.jte", pages.chrome(ctx, dataset.tag() + " · " + project.name(), project.name(),
                "datasets"), new Detail(project.name(), dataset, rows, from, next, limit, evaluations));
    }

    /** The rows as JSON Lines: {@code {"index":…,"input":…,"expected":…}} per line, streamed page by page. */
    void download(Context ctx) throws IOException {
        ProjectRef project = pages.project(ctx);
        DatasetVersionInfo dataset = find(ctx, project);
        ctx.contentType("application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + dataset.tag().name().replaceAll("[^A-Za-z0-9_.-]", "_")
                        + "-v" + dataset.tag().version() + ".jsonl\"");
        OutputStream out = ctx.outputStream();
        for (int from = 0; from < dataset.rowCount(); from += DOWNLOAD_CHUNK) {
            List<DatasetRowView> rows = store.datasets().rows(project, dataset.tag(), from, DOWNLOAD_CHUNK);
            if (rows.isEmpty()) {
                break;
            }
            StringBuilder chunk = new StringBuilder();
            for (DatasetRowView row : rows) {
                // Input and expected are stored as canonical JSON already: written as they are.
                chunk.append("{\"index\":").append(row.index()).append(",\"input\":").append(row.inputJson())
                        .append(",\"expected\":").append(row.expectedJson() == null ? "null" : row.expectedJson())
                        .append("}\n");
            }
            out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private DatasetVersionInfo find(Context ctx, ProjectRef project) {
        String name = ctx.pathParam("dataset");
        if (!org.bighummingbird.core.Names.isValid(name)) {
            throw UiError.notFound("no dataset " + Params.quote(name));
        }
        int version = Params.version("version", ctx.pathParam("version"));
        return store.datasets().find(project, new TagReference(name, version)).orElseThrow(() ->
                UiError.notFound("no dataset version " + new Tag(name, version) + " in project "
                        + Params.quote(project.name())));
    }
}
