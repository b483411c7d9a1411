package org.bighummingbird.examples;

import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Traced;

/**
 * The "Concept Project" from the BigHummingbird docs: trace a model, call it, read its tag. Runs on
 * the embedded store under {@code BHB_HOME} (default {@code ~/.bighummingbird}); change {@code a + b}
 * and run again to see {@code model:v2}, change it back for {@code model:v1}.
 */
public final class ConceptProject {
    private ConceptProject() {}

    public static void main(String[] args) {
        try (var bhb = new BigHummingbird("Concept Project", System.getenv("BHB_API_KEY"))) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
            model.apply(1, 2);
            model.apply(20, 22);
            System.out.println(((Traced) model).tag());

            var add = bhb.trace(ConceptProject::add);
            add.apply(3, 4);
            System.out.println(((Traced) add).tag());
        }
    }

    static int add(int a, int b) {
        return a + b;
    }
}
