package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK stores each new version's capsule in the embedded store, in the background. */
class CapsuleCaptureTest {
    @TempDir
    Path home;

    /** Two classes away from the model: the capsule must reach it through the first helper's class file. */
    static final class FarHelper {
        static int twice(int x) {
            return 2 * x;
        }
    }

    static final class NearHelper {
        static int helper(int b) {
            return FarHelper.twice(b) + 1;
        }
    }

    /** Not serializable, so a lambda capturing it cannot be captured. */
    static final class Connection {
        int offset() {
            return 3;
        }
    }

    private Capsule capsuleOf(String tag) {
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, "Capsules").orElseThrow();
            return store.capsules().find(p, TagReference.parse(tag)).orElseThrow().capsule();
        }
    }

    @Test
    void aVersionsCapsuleHoldsItsFunctionAndEveryApplicationClassItReaches() {
        try (var bhb = BigHummingbird.local("Capsules", home)) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a + NearHelper.helper(b));
            assertThat(model.apply(1, 2)).isEqualTo(6);
            assertThat(((Traced) model).tag()).isEqualTo("model:v1");
        }

        Capsule capsule = capsuleOf("model:v1");
        assertThat(capsule.runnable()).isTrue();
        assertThat(capsule.function()).isNotEmpty();
        assertThat(capsule.classes()).extracting(Capsule.ClassRef::name).contains(
                CapsuleCaptureTest.class.getName(), NearHelper.class.getName(), FarHelper.class.getName())
                .noneMatch(n -> n.startsWith("java.") || n.startsWith("org.bighummingbird.BigHummingbird"));
    }

    @Test
    void aCapturedValueThatIsNotSerializableMakesTheVersionNotRunnableWithTheReason() {
        Connection connection = new Connection();
        try (var bhb = BigHummingbird.local("Capsules", home)) {
            var model = bhb.trace("model", (Integer a) -> a + connection.offset());
            assertThat(model.apply(1)).isEqualTo(4);
            assertThat(((Traced) model).tag()).isEqualTo("model:v1");
        }

        Capsule capsule = capsuleOf("model:v1");
        assertThat(capsule.runnable()).isFalse();
        assertThat(capsule.reason()).contains("not serializable").contains(Connection.class.getName());
    }
}
