package org.bighummingbird.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DashboardQueries;
import org.bighummingbird.store.EvaluationFilter;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.LatencyBuckets;
import org.bighummingbird.store.LatencyHistogram;
import org.bighummingbird.store.ModelSummary;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunFilter;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.VersionRollup;

/**
 * {@code …/models} (the models), {@code …/models/{name}} (its versions with their figures and
 * charts) and {@code …/models/{name}/v{N}} (the model detail page). Figures come from the rollups.
 */
final class ModelsPage {
    /** Most versions the charts of one model draw (the newest). */
    static final int CHART_VERSIONS = 50;
    private static final int RECENT_RUNS = 20;
    private static final int EVALUATIONS = 50;

    private final Store store;
    private final Pages pages;

    ModelsPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * The model list.
     *
     * @param project the project's name
     * @param models the models by name
     */
    public record ListView(String project, List<ModelSummary> models) {}

    /**
     * One model's versions.
     *
     * @param project the project's name
     * @param model the model's name
     * @param versions newest first
     * @param charts runs, error rate, p50, p95 and mean score over versions
     */
    public record VersionsView(String project, String model, List<VersionRollup> versions, List<Chart> charts) {}

    /**
     * The model detail page.
     *
     * @param project the project's name
     * @param detail the version's record
     * @param rollup its figures
     * @param signature its signature, read
     * @param metadata its metadata as key paths and values
     * @param code the code as highlighted tokens
     * @param latency the latency histogram as a chart
     * @param recentRuns its newest runs
     * @param evaluations its evaluations, newest first
     * @param previous the version before it, or 0
     * @param next the version after it, or 0
     */
    public record DetailView(String project, ModelVersionDetail detail, VersionRollup rollup, Signature signature,
            List<Map.Entry<String, String>> metadata, List<JavaHighlighter.Token> code, Chart latency,
            List<RunView> recentRuns, List<EvaluationInfo> evaluations, int previous, int next) {
        /** The version's tag. */
        public Tag tag() {
            return detail.info().tag();
        }
    }

    void list(Context ctx) {
        ProjectRef project = pages.project(ctx);
        pages.render(ctx, "models.jte", pages.chrome(ctx, "Models · " + project.name(), project.name(), "models"),
                new ListView(project.name(), store.dashboard().models(project)));
    }

    void versions(Context ctx) {
        ProjectRef project = pages.project(ctx);
        String model = modelName(ctx);
        List<VersionRollup> versions = store.dashboard().versions(project, model);
        if (versions.isEmpty()) {
            throw UiError.notFound("no model " + Params.quote(model) + " in project " + Params.quote(project.name()));
        }
        pages.render(ctx, "versions.jte", pages.chrome(ctx, model + " · " + project.name(), project.name(), "models"),
                new VersionsView(project.name(), model, versions, charts(versions)));
    }

    void detail(Context ctx) {
        ProjectRef project = pages.project(ctx);
        String model = modelName(ctx);
        int version = Params.version("version", ctx.pathParam("version"));
        Tag tag = new Tag(model, version);
        ModelVersionDetail detail = store.models().find(project, new TagReference(model, version))
                .orElseThrow(() -> UiError.notFound("no version " + tag + " in project " + Params.quote(project.name())));
        DashboardQueries dashboard = store.dashboard();
        VersionRollup rollup = dashboard.version(project, tag).orElseThrow();
        List<RunView> recent = dashboard.runs(project, new RunFilter(model, version, null, null, null, null, null,
                RECENT_RUNS), null).runs();
        List<EvaluationInfo> evaluations = dashboard.evaluations(project,
                new EvaluationFilter(model, version, null, null, null, null), EVALUATIONS);
        List<VersionRollup> all = dashboard.versions(project, model);
        int latest = all.isEmpty() ? version : all.get(0).tag().version();
        DetailView view = new DetailView(project.name(), detail, rollup, Signature.of(detail.info().signatureJson()),
                Metadata.flatten(detail.metadataJson()), JavaHighlighter.tokens(detail.code()),
                histogram(rollup.latency()), recent, evaluations, version > 1 ? version - 1 : 0,
                version < latest ? version + 1 : 0);
        pages.render(ctx, "version.jte", pages.chrome(ctx, tag + " · " + project.name(), project.name(), "models"),
                view);
    }

    static String modelName(Context ctx) {
        String model = ctx.pathParam("model");
        if (!org.bighummingbird.core.Names.isValid(model)) {
            throw UiError.notFound("no model " + Params.quote(model));
        }
        return model;
    }

    private static List<Chart> charts(List<VersionRollup> newestFirst) {
        List<VersionRollup> shown = new ArrayList<>(newestFirst.subList(0, Math.min(CHART_VERSIONS, newestFirst.size())));
        java.util.Collections.reverse(shown);
        List<Chart.Point> runs = new ArrayList<>();
        List<Chart.Point> errors = new ArrayList<>();
        List<Chart.Point> p50 = new ArrayList<>();
        List<Chart.Point> p95 = new ArrayList<>();
        List<Chart.Point> score = new ArrayList<>();
        for (VersionRollup v : shown) {
            String label = "v" + v.tag().version();
            runs.add(new Chart.Point(label, (double) v.runs()));
            errors.add(new Chart.Point(label, v.runs() == 0 ? null : v.errorRate()));
            p50.add(new Chart.Point(label, v.p50Ns() == null ? null : v.p50Ns().doubleValue()));
            p95.add(new Chart.Point(label, v.p95Ns() == null ? null : v.p95Ns().doubleValue()));
            score.add(new Chart.Point(label, v.meanEvaluationScore()));
        }
        return List.of(Chart.of("Runs", "count", runs), Chart.of("Error rate", "percent", errors),
                Chart.of("Latency p50", "ns", p50), Chart.of("Latency p95", "ns", p95),
                Chart.of("Mean evaluation score", "score", score));
    }

    /** The histogram's used buckets as bars, labelled by their lower bounds. */
    static Chart histogram(LatencyHistogram h) {
        int[] range = h.usedRange();
        List<Chart.Point> points = new ArrayList<>();
        if (range[0] >= 0) {
            for (int b = range[0]; b <= range[1]; b++) {
                points.add(new Chart.Point(Fmt.duration(LatencyBuckets.lowerNs(b)), (double) h.count(b)));
            }
        }
        return Chart.of("Latency histogram", "count", points);
    }

    /**
     * A version's signature as recorded: parameters by name and type, the return type.
     *
     * @param parameters name and type of each parameter
     * @param returns the return type
     * @param erased whether generics are unknown (keyed erased)
     * @param raw the JSON as stored, for signatures of another shape
     */
    public record Signature(List<Map.Entry<String, String>> parameters, String returns, boolean erased, String raw) {
        static Signature of(String json) {
            JsonNode node = Metadata.parse(json);
            List<Map.Entry<String, String>> params = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                params.add(Map.entry(p.isTextual() ? "" : p.path("name").asText(""),
                        p.isTextual() ? p.asText() : p.path("type").asText("?")));
            }
            return new Signature(params, node.path("returns").asText("?"), node.path("erased").asBoolean(false), json);
        }

        /** {@code (java.lang.Integer a, java.lang.Integer b) -> java.lang.Integer}. */
        public String text() {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> p : parameters) {
                parts.add((p.getValue() + " " + p.getKey()).trim());
            }
            return "(" + String.join(", ", parts) + ") -> " + returns;
        }
    }
}
