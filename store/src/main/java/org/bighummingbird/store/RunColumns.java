package org.bighummingbird.store;

/** The columns of {@code runs} that ingest writes, in the order every insert path binds them. */
final class RunColumns {
    static final String LIST = "id, project_id, model_version_id, parent_run_id, root_run_id, started_at,"
            + " latency_ns, thread, inputs, output, output_shape, error_type, error_message, error_stack";
    static final int COUNT = 14;

    private RunColumns() {}
}
