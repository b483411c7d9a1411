package org.bighummingbird.store;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.TagReference;

/** The store's judge versions: {@link Store#judges()}. Thread-safe. */
public final class JudgeStore {
    private final JudgeRegistry judges;
    private final StoreCalls calls;

    JudgeStore(Database db, StoreCalls calls) {
        this.judges = new JudgeRegistry(db);
        this.calls = calls;
    }

    /**
     * Registers a judge version: the existing tag when the key was seen for this judge, else the
     * next version number. Atomic with any number of threads, processes and server instances.
     */
    public RegisteredJudge register(ProjectRef project, JudgeRegistration registration) {
        return calls.call(() -> judges.register(project, registration));
    }

    /** Every version of every judge in the project, by name then version. */
    public List<JudgeVersion> list(ProjectRef project) {
        return calls.call(() -> judges.list(project));
    }

    /** One judge version by tag; {@code name:latest} is the highest version. */
    public Optional<JudgeVersion> find(ProjectRef project, TagReference tag) {
        return calls.call(() -> judges.find(project, tag));
    }
}
