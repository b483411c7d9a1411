package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declared signature keeps generics: from a referenced method's Signature attribute, else the
 * type of the variable trace()'s result goes into, else erased; never from the source text, which is
 * only shown beside the version.
 */
class SignatureResolverTest {
    /** Runs in the module's directory: finds this test's source under {@code src/test/java}. */
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(new AppClasses(List.of()),
            new SourceFiles(Path.of("")));
    private static final Fingerprinter WITHOUT_SOURCES = new Fingerprinter(new AppClasses(List.of()),
            new SourceFiles(Path.of("target", "no-sources-here")));

    @TempDir
    Path home;

    @Test
    void genericTypesComeFromTheVariableThatReceivesTheModel() {
        Fn1<List<String>, Map<String, Integer>> counts = Tracing.trace(xs -> Map.of("n", xs.size()));

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.List<java.lang.String>"),
                "java.util.Map<java.lang.String, java.lang.Integer>", "local", false));
        assertThat(counts).isNotNull();
    }

    @Test
    void genericTypesComeFromTheFieldThatReceivesTheModel() {
        new Service();
        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.List<java.lang.Double>"),
                "java.lang.Double", "local", false));

        Holder.touch();
        assertThat(Holder.lastOfStatic.signature()).isEqualTo(new Signature(List.of("java.util.Set<java.lang.String>"),
                "java.lang.Boolean", "local", false));
    }

    @Test
    void genericTypesComeFromTheReturnTypeOfAFactoryMethod() {
        sizedModel();

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.List<java.lang.String>"),
                "java.lang.Integer", "local", false));
    }

    @Test
    void aModelReturnedAsATypeVariableIsErased() {
        Fn1<List<String>, Integer> model = opaqueModel();

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.List"), "java.lang.Integer",
                "erased", true));
        assertThat(model).isNotNull();
    }

    @Test
    void wildcardsAndNestedGenericsAreKept() {
        var model = Tracing.trace((List<? extends Number> xs, Map<String, List<Double>> weights) -> xs.size() * 1.0);

        assertThat(Tracing.last.signature().parameterTypes()).containsExactly("java.util.List<? extends java.lang.Number>",
                "java.util.Map<java.lang.String, java.util.List<java.lang.Double>>");
        assertThat(model).isNotNull();
    }

    @Test
    void aMethodReferenceTakesItsMethodsGenericSignature() {
        Tracing.trace(SignatureResolverTest::tokens);

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.lang.String"),
                "java.util.List<java.lang.String>", "method", false));
    }

    @Test
    void aMethodReferenceKeepsTypeVariablesAndNamesNestedClassesByTheirBinaryNames() {
        Tracing.<java.util.Set<Map.Entry<String, Integer>>, List<String>>trace(SignatureResolverTest::keys);

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(
                List.of("java.util.Set<java.util.Map$Entry<K, java.lang.Integer>>"), "java.util.List<K>", "method",
                false));
    }

    @Test
    void aModelNotStoredAnywhereIsErasedAndSaysSo() {
        Tracing.trace((Fn1<List<String>, Integer>) xs -> xs.size());

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.List"), "java.lang.Integer",
                "erased", true));
    }

    @Test
    void twoModelsTracedOnOneLineEachTakeTheTypeOfTheirOwnVariable() {
        // one line on purpose: the two call sites differ only in their bytecode index
        Fn1<List<String>, Integer> first = Tracing.trace(xs -> xs.size()); Fingerprint fp = Tracing.last; Fn1<java.util.Set<Long>, Boolean> second = Tracing.trace(xs -> xs.isEmpty());

        assertThat(fp.signature().parameterTypes()).containsExactly("java.util.List<java.lang.String>");
        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.Set<java.lang.Long>"),
                "java.lang.Boolean", "local", false));
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
    }

    @Test
    void typesOnlyTheSourceSpellsAreNotKeyedSoTheKeyIsTheSameWithoutTheSource() {
        Tracing.trace((List<String> xs) -> xs.size());

        assertThat(Tracing.last.signature()).isEqualTo(new Signature(List.of("java.util.List"), "java.lang.Integer",
                "erased", true));
        assertThat(Tracing.last.key()).isEqualTo(Tracing.lastWithoutSources.key());
    }

    @Test
    void signatureJsonNamesParametersAndGenericTypes() throws Exception {
        try (var bhb = BigHummingbird.local("Signatures", home)) {
            Fn2<List<String>, Integer, Map<String, List<Integer>>> model = bhb.trace("windows",
                    (texts, size) -> Map.of("sizes", List.of(texts.size(), size)));
            model.apply(List.of("a"), 2);
            assertThat(((Traced) model).tag()).isEqualTo("windows:v1");
        }
        try (Store store = Store.openLocal(home)) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, "Signatures").orElseThrow();
            JsonNode signature = new ObjectMapper().readTree(store.models().list(project).get(0).signatureJson());

            assertThat(signature).isEqualTo(new ObjectMapper().readTree("""
                    {"parameters": [{"name": "texts", "type": "java.util.List<java.lang.String>"},
                                    {"name": "size", "type": "java.lang.Integer"}],
                     "returns": "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>",
                     "source": "local", "erased": false}
                    """));
        }
    }

    @Test
    void typesOnlyTheSourceSpellsAreShownBesideTheVersion() throws Exception {
        try (var bhb = BigHummingbird.local("Spelled", home)) {
            Traced model = (Traced) bhb.trace("spelled", (List<String> words, Map<String, Integer> weights) -> 1);
            assertThat(model.tag()).isEqualTo("spelled:v1");
        }
        try (Store store = Store.openLocal(home)) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, "Spelled").orElseThrow();
            JsonNode signature = new ObjectMapper().readTree(store.models().list(project).get(0).signatureJson());

            assertThat(signature).isEqualTo(new ObjectMapper().readTree("""
                    {"parameters": [{"name": "words", "type": "java.util.List"},
                                    {"name": "weights", "type": "java.util.Map"}],
                     "returns": "java.lang.Integer", "source": "erased", "erased": true,
                     "spelledInSource": ["List<String>", "Map<String, Integer>"]}
                    """));
        }
    }

    static Fn1<List<String>, Integer> sizedModel() {
        return Tracing.trace(xs -> xs.size());
    }

    @SuppressWarnings("unchecked")
    static <F> F opaqueModel() {
        return (F) Tracing.trace((Fn1<List<String>, Integer>) xs -> xs.size());
    }

    static <K extends Comparable<K>> List<K> keys(java.util.Set<Map.Entry<K, Integer>> entries) {
        return entries.stream().map(Map.Entry::getKey).sorted().toList();
    }

    static List<String> tokens(String text) {
        return List.of(text.split(" "));
    }

    static final class Service {
        private final Fn1<List<Double>, Double> mean = Tracing.trace(xs -> xs.isEmpty() ? 0.0 : xs.get(0));
    }

    static final class Holder {
        static final Fn1<java.util.Set<String>, Boolean> EMPTY = Tracing.trace(xs -> xs.isEmpty());
        static final Fingerprint lastOfStatic = Tracing.last;

        static void touch() {}
    }

    /** Stands in for the SDK: a {@code trace} method returning an {@code Fn}, called from the test. */
    static final class Tracing {
        static Fingerprint last;
        static Fingerprint lastWithoutSources;

        static <A, R> Fn1<A, R> trace(Fn1<A, R> fn) {
            CallSite site = CallSite.current(Tracing.class);
            last = FINGERPRINTER.fingerprint(fn, site);
            lastWithoutSources = WITHOUT_SOURCES.fingerprint(fn, site);
            return fn;
        }

        static <A, B, R> Fn2<A, B, R> trace(Fn2<A, B, R> fn) {
            last = FINGERPRINTER.fingerprint(fn, CallSite.current(Tracing.class));
            return fn;
        }
    }
}
