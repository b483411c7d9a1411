package org.bighummingbird.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.bighummingbird.testing.JavaSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code in jars is library code, keyed by name, unless its package is named as application code
 * ({@code BHB_APP_PACKAGES}); then a change inside the jar makes a new version like any other.
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

    /** The model and its helper, both from one jar. */
    private String fingerprintFromJar(AppClasses apps, String name, String models)
            throws IOException, ReflectiveOperationException {
        Path classes = JavaSources.compile(dir.resolve(name + "-app"), Map.of("demo.Models", models, "demo.text.Text",
                TEXT), JavaSources.DEBUG).classes();
        Path jar = dir.resolve(name + "-app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (String entry : List.of("demo/Models.class", "demo/text/Text.class")) {
                jarOut.putNextEntry(new JarEntry(entry));
                jarOut.write(Files.readAllBytes(classes.resolve(entry)));
                jarOut.closeEntry();
            }
        }
        return fingerprintWith(apps, jar);
    }

    /** The model from a class directory, its helper from a jar. */
    private String fingerprint(AppClasses apps, String name, String text) throws IOException, ReflectiveOperationException {
        Path models = JavaSources.compile(dir.resolve(name + "-models"), Map.of("demo.Models", MODELS, "demo.text.Text",
                text), JavaSources.DEBUG).classes();
        Path jar = dir.resolve(name + "-text.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            Path textClass = models.resolve("demo/text/Text.class");
            jarOut.putNextEntry(new JarEntry("demo/text/Text.class"));
            jarOut.write(Files.readAllBytes(textClass));
            jarOut.closeEntry();
            Files.delete(textClass);
        }
        return fingerprintWith(apps, models, jar);
    }

    private String fingerprintWith(AppClasses apps, Path... classPath) throws IOException, ReflectiveOperationException {
        URL[] urls = new URL[classPath.length];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath[i].toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, AppPackagesTest.class.getClassLoader())) {
            Serializable model = (Serializable) loader.loadClass("demo.Models").getMethod("model").invoke(null);
            return new Fingerprinter(apps, new SourceFiles(dir)).codeFingerprint(model);
        }
    }
}
