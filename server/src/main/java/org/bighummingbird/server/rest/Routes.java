package org.bighummingbird.server.rest;

import io.javalin.config.RoutesConfig;
import java.util.Set;
import org.bighummingbird.store.Store;

/** The routes of REST API v1 (docs/api.md), registered on a Javalin configuration. */
public final class Routes {
    /** Where the API lives. */
    public static final String PREFIX = "/api/v1";
    /** The health check, open without a key. */
    public static final String HEALTH = PREFIX + "/health";
    /** The OpenAPI document, open without a key. */
    public static final String OPENAPI = PREFIX + "/openapi.json";
    /** The paths whose {@code GET} needs no key. */
    public static final Set<String> OPEN_PATHS = Set.of(HEALTH, OPENAPI);

    private static final String PROJECTS = PREFIX + "/projects";
    private static final String PROJECT = PROJECTS + "/{project}";

    private Routes() {}

    /** Registers every route on {@code routes}, answering from {@code store} within {@code limits}. */
    public static void register(RoutesConfig routes, Store store, Limits limits) {
        BodyReader bodies = new BodyReader(limits);
        Lookup lookup = new Lookup(store);
        ProjectsResource projects = new ProjectsResource(store, bodies);
        ModelsResource models = new ModelsResource(store, lookup);
        RunIngest ingest = new RunIngest(store, lookup, bodies, limits);
        RunListing listing = new RunListing(store, lookup);
        DatasetsResource datasets = new DatasetsResource(store, lookup, bodies);
        JudgesResource judges = new JudgesResource(store, lookup, bodies);
        EvaluationsResource evaluations = new EvaluationsResource(store, lookup, bodies);

        routes.get(HEALTH, new HealthResource(store)::get);
        routes.get(OPENAPI, new OpenApiResource()::get);
        routes.get(PROJECTS, projects::list);
        routes.post(PROJECTS, projects::create);
        routes.post(PROJECT + "/versions", new VersionsResource(store, lookup, bodies)::register);
        routes.get(PROJECT + "/models", models::list);
        routes.get(PROJECT + "/models/{tag}", models::show);
        routes.get(PROJECT + "/tags/{tag}", models::resolve);
        routes.post(PROJECT + "/runs", ingest::ingest);
        routes.get(PROJECT + "/runs", listing::list);
        routes.post(PROJECT + "/datasets", datasets::upload);
        routes.get(PROJECT + "/datasets", datasets::list);
        routes.get(PROJECT + "/datasets/{tag}", datasets::show);
        routes.get(PROJECT + "/datasets/{tag}/rows", datasets::rows);
        routes.post(PROJECT + "/judges", judges::register);
        routes.get(PROJECT + "/judges", judges::list);
        routes.get(PROJECT + "/judges/{tag}", judges::show);
        routes.post(PROJECT + "/evaluations", evaluations::create);
        routes.get(PROJECT + "/evaluations", evaluations::list);
        routes.get(PROJECT + "/evaluations/compare", evaluations::compare);
        routes.get(PROJECT + "/evaluations/{id}", evaluations::show);
        routes.get(PROJECT + "/evaluations/{id}/rows", evaluations::rows);
        routes.post(PROJECT + "/evaluations/{id}/rows", evaluations::appendRows);
        routes.post(PROJECT + "/evaluations/{id}/heartbeat", evaluations::heartbeat);
        routes.post(PROJECT + "/evaluations/{id}/complete", evaluations::complete);
        routes.post(PROJECT + "/evaluations/{id}/fail", evaluations::fail);
    }
}
