package org.bighummingbird.it;

import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;

/** Every run a project holds, read straight from the store a server wrote to. */
final class StoredRuns {
    private StoredRuns() {}

    static List<RunView> all(Store store, String workspace, String project) {
        ProjectRef ref = store.projects().find(workspace, project)
                .orElseThrow(() -> new AssertionError("no project " + project + " in workspace " + workspace));
        List<RunView> runs = new ArrayList<>();
        String cursor = null;
        do {
            RunPage page = store.runs().page(ref, RunQuery.newest(1000), cursor);
            runs.addAll(page.runs());
            cursor = page.nextCursor();
        } while (cursor != null);
        return runs;
    }
}
