package org.bighummingbird.sdk.internal.trace;

import org.bighummingbird.sdk.internal.export.RunEvent;

/**
 * Where an assessed model's finished runs go instead of straight to the exporter: a judge that
 * scores them and then hands them on. Called on the traced call's thread, so it must not block.
 */
public interface RunRoute {
    /**
     * Takes a finished run.
     *
     * @param run the run, with its input and output snapshots (what is stored)
     * @param arguments the call's arguments themselves, in parameter order
     * @param output the model's output itself, or null when it threw
     */
    void accept(RunEvent run, Object[] arguments, Object output);

    /** The tag of the judge that scores the runs, {@code name:vN}. */
    String judgeTag();
}
