package org.bighummingbird.store;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.Names;

/**
 * The store's workspaces and projects: {@link Store#projects()}. Both are created on first use and
 * never removed. Thread-safe.
 */
public final class ProjectStore {
    private final Projects projects;
    private final StoreCalls calls;

    ProjectStore(Database db, StoreCalls calls) {
        this.projects = new Projects(db);
        this.calls = calls;
    }

    /**
     * Finds the project, creating it (and its workspace) when missing.
     *
     * @throws org.bighummingbird.core.InvalidName when either name breaks the naming rules
     */
    public ProjectRef findOrCreate(String workspace, String name) {
        return create(workspace, name).project();
    }

    /**
     * Finds the project, creating it (and its workspace) when missing, and says whether this call
     * created it: of any number of concurrent callers naming one new project, in any number of
     * processes, exactly one sees {@code created}.
     *
     * @throws org.bighummingbird.core.InvalidName when either name breaks the naming rules
     */
    public ProjectCreation create(String workspace, String name) {
        Names.requireValid("workspace name", workspace);
        Names.requireValid("project name", name);
        return calls.call(() -> projects.create(workspace, name));
    }

    /** The workspace's projects by name; empty for a workspace the store does not hold. */
    public List<ProjectInfo> list(String workspace) {
        return calls.call(() -> projects.list(workspace));
    }

    /** Finds a project without creating it; empty when the workspace holds none of that name. */
    public Optional<ProjectRef> find(String workspace, String name) {
        return calls.call(() -> projects.find(workspace, name));
    }
}
