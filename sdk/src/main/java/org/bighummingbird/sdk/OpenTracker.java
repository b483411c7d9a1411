package org.bighummingbird.sdk;

import java.io.Serializable;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.JudgeUnavailable;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;
import org.bighummingbird.sdk.internal.trace.ModelHandle;
import org.bighummingbird.sdk.internal.trace.OpenTrackers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open {@link BigHummingbird} as a deserialized traced function finds it in
 * {@link OpenTrackers}: it traces the function again here, in assess mode when it was assessed.
 * Thread-safe.
 */
final class OpenTracker implements OpenTrackers.Tracker {
    private static final Logger LOG = LoggerFactory.getLogger(BigHummingbird.class);

    private final SdkTracker bhb;
    private volatile boolean open = true;

    OpenTracker(SdkTracker bhb) {
        this.bhb = bhb;
    }

    @Override
    public String project() {
        return bhb.project();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void closed() {
        open = false;
    }

    @Override
    public ModelHandle model(String name, Serializable fn, CallSite site, String judgeTag) {
        if (judgeTag != null) {
            try {
                return bhb.assessor(judgeTag).model(name, fn, site);
            } catch (JudgeUnavailable e) {
                // a code judge runs only where addJudge() loaded it: record the runs, unscored
                LOG.warn("BigHummingbird: the deserialized model \"{}\" was assessed by {}, which cannot run in this"
                        + " JVM; its runs are recorded without a score: {}", name, judgeTag, e.getMessage());
            }
        }
        return bhb.tracedModel(name, fn, site);
    }
}
