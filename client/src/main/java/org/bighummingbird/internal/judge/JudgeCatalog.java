package org.bighummingbird.internal.judge;

import java.util.Optional;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.RegisteredJudge;

/** Where a project's judge versions are registered and found. Implementations are thread-safe. */
public interface JudgeCatalog extends AutoCloseable {
    /** Registers a version: the existing tag for a known key, else the next version. */
    RegisteredJudge register(JudgeRegistration registration);

    /** A version by tag ({@code name:latest} is the highest). */
    Optional<JudgeVersion> find(TagReference tag);

    /** Releases what the catalog opened itself; the default does nothing. */
    @Override
    default void close() {}

    /** A catalog that refuses every call with {@code why} (judges on a team server are not served yet). */
    static JudgeCatalog unavailable(String why) {
        return new JudgeCatalog() {
            @Override
            public RegisteredJudge register(JudgeRegistration registration) {
                throw new UnsupportedOperationException(why);
            }

            @Override
            public Optional<JudgeVersion> find(TagReference tag) {
                throw new UnsupportedOperationException(why);
            }
        };
    }
}
