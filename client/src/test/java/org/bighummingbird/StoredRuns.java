package org.bighummingbird;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;

/** Reads back what the SDK stored, through a fresh connection to the real store file. */
final class StoredRuns {
    static final ObjectMapper JSON = new ObjectMapper();

    private StoredRuns() {}

    static List<RunView> runs(Path home, String project) {
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, project).orElseThrow();
            return store.runs().list(p, new RunQuery(null, Integer.MAX_VALUE));
        }
    }

    static List<ModelVersionInfo> versions(Path home, String project) {
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, project).orElseThrow();
            return store.models().list(p);
        }
    }

    static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
