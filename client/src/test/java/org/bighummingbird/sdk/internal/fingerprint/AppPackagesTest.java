package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bighummingbird.testing.Jars;
import org.bighummingbird.testing.JavaSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's own jar is application code, like a classes directory, so a model keeps its key when
 * it is packaged; other jars are library code, keyed by name, unless their package is named as
 * application code ({@code BHB_APP_PACKAGES}); then a change inside the jar makes a new version
 * like any other.
 */
class AppPackagesTest {
    private static final String MODELS = """
            package demo;

            import org.bighummingbird.Fn1;

            public final class Models {
                private Models() {}

                public static Object model() {
                    return (Fn1<String, String>) q -> demo.text.Text.normalize(q) + "?";
                }
            }
            """;
    private static final String TEXT = """
            package demo.text;

            public final class Text {
                private Text() {}

                public static String normalize(String s) {
                    return s.strip().toLowerCase();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aHelperInAJarIsApplicationCodeWhenItsPackageIsNamed() throws Exception {
        AppClasses named = new AppClasses(List.of("demo.text"));

        String base = fingerprint(named, "base", TEXT);
        String changed = fingerprint(named, "changed", TEXT.replace("toLowerCase", "toUpperCase"));

        assertThat(changed).isNotEqualTo(base);
    }

    @Test
    void aHelperInAJarIsALibraryOtherwise() throws Exception {
        AppClasses none = new AppClasses(List.of());

        String base = fingerprint(none, "base", TEXT);
        String changed = fingerprint(none, "changed", TEXT.replace("toLowerCase", "toUpperCase"));

        assertThat(changed).isEqualTo(base);
    }

    @Test
    void aModelInAJarIsCoveredByItsCodeEvenWhenItsPackageIsNotNamed() throws Exception {
        AppClasses none = new AppClasses(List.of());

        String base = fingerprintFromJar(none, "base", MODELS);
        String changed = fingerprintFromJar(none, "changed", MODELS.replace("\"?\"", "\"!\""));

        assertThat(changed).isNotEqualTo(base);
    }

    @Test
    void aModelAndItsHelperFromOneJarHaveTheKeyTheyHaveFromTheClassesDirectory() throws Exception {
        AppClasses none = new AppClasses(List.of());
        Path classes = compileApp("same", MODELS, TEXT);

        String fromDirectory = fingerprintWith(none, classes);
        String fromJar = fingerprintWith(none, Jars.of(classes, dir.resolve("same-app.jar")));

        assertThat(fromJar).isEqualTo(fromDirectory);
    }

    @Test
    void editingAHelperInTheModelsOwnJarMakesANewVersion() throws Exception {
        AppClasses none = new AppClasses(List.of());

        String base = fingerprintFromJar(none, "helper-base", MODELS, TEXT);
        String changed = fingerprintFromJar(none, "helper-changed", MODELS, TEXT.replace("toLowerCase", "toUpperCase"));

        assertThat(changed).isNotEqualTo(base);
    }

    /** The model and its helper, both from one jar. */
    private String fingerprintFromJar(AppClasses apps, String name, String models)
            throws IOException, ReflectiveOperationException {
        return fingerprintFromJar(apps, name, models, TEXT);
    }

    private String fingerprintFromJar(AppClasses apps, String name, String models, String text)
            throws IOException, ReflectiveOperationException {
        return fingerprintWith(apps, Jars.of(compileApp(name, models, text), dir.resolve(name + "-app.jar")));
    }

    private Path compileApp(String name, String models, String text) {
        return JavaSources.compile(dir.resolve(name + "-app"), Map.of("demo.Models", models, "demo.text.Text", text),
                JavaSources.DEBUG).classes();
    }

    /** The model from a class directory, its helper from a jar. */
    private String fingerprint(AppClasses apps, String name, String text) throws IOException, ReflectiveOperationException {
        Path models = JavaSources.compile(dir.resolve(name + "-models"), Map.of("demo.Models", MODELS, "demo.text.Text",
                text), JavaSources.DEBUG).classes();
        Path jar = dir.resolve(name + "-text.jar");
        Path textClass = models.resolve("demo/text/Text.class");
        Jars.of(models, List.of(textClass), jar);
        Files.delete(textClass);
        return fingerprintWith(apps, models, jar);
    }

    private String fingerprintWith(AppClasses apps, Path... classPath) throws IOException, ReflectiveOperationException {
        URL[] urls = new URL[classPath.length];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath[i].toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, AppPackagesTest.class.getClassLoader())) {
            Serializable model = (Serializable) loader.loadClass("demo.Models").getMethod("model").invoke(null);
            return new Fingerprinter(apps, new SourceFiles(dir)).fingerprint(model, null).key();
        }
    }
}
