package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path home;

    @Test
    void tracesAndStores() {
        try (var bhb = BigHummingbird.local("Concept Project", home)) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
            assertThat(model.apply(1, 2)).isEqualTo(3);
            assertThat(((Traced) model).tag()).isEqualTo("model:v1");
            var listy = bhb.trace("listy", (List<String> xs) -> Map.of("n", xs.size(), "scores", List.of(1.5, 2.5)));
            listy.apply(List.of("a", "b"));
            System.out.println(((Traced) listy).tag());
            assertThat(bhb.flush(Duration.ofSeconds(10))).isTrue();
        }
        try (Store store = Store.openLocal(home)) {
            var p = store.findProject("default", "Concept Project").orElseThrow();
            store.versions(p).forEach(System.out::println);
            store.runs(p, new RunQuery(null, 10)).forEach(System.out::println);
            var d = store.version(p, TagReference.parse("listy:v1")).orElseThrow();
            System.out.println(d.code());
            System.out.println(d.metadataJson());
            System.out.println(d.outputShapes());
        }
    }
}
