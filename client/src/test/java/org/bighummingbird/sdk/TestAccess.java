package org.bighummingbird.sdk;

import java.lang.reflect.Field;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.sdk.internal.judge.Judges;

/** What tests see of the SDK behind a {@link BigHummingbird} facade. */
public final class TestAccess {
    private TestAccess() {}

    /** The SDK tracker behind the facade. */
    static SdkTracker tracker(BigHummingbird bhb) {
        try {
            Field f = BigHummingbird.class.getDeclaredField("tracker");
            f.setAccessible(true);
            return (SdkTracker) f.get(bhb);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("BigHummingbird has no tracker field", e);
        }
    }

    /** The project's judges: scorers and versions by tag. */
    public static Judges judges(BigHummingbird bhb) {
        return tracker(bhb).judges();
    }
}
