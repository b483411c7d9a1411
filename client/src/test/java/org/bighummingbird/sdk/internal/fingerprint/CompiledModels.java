package org.bighummingbird.sdk.internal.fingerprint;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bighummingbird.testing.JavaSources;

/**
 * Compiles a {@code demo.Models} source whose {@code static Object model()} returns a lambda, loads
 * it in a class loader of its own (so the same class name can exist in several variants) and
 * returns the lambda. Loaders stay open until {@link #close()}.
 */
final class CompiledModels implements AutoCloseable {
    private final Path root;
    private final List<URLClassLoader> loaders = new ArrayList<>();
    private int count;

    CompiledModels(Path root) {
        this.root = root;
    }

    /** The lambda {@code demo.Models.model()} returns, compiled with the given debug options. */
    Serializable model(String source, List<String> debug) {
        return model(source, debug, false);
    }

    /** As {@link #model(String, List)}, with Java assertions enabled or not ({@code -ea}). */
    Serializable model(String source, List<String> debug, boolean assertions) {
        Path classes = JavaSources.compile(root.resolve("models-" + ++count), Map.of("demo.Models", source), debug)
                .classes();
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    CompiledModels.class.getClassLoader());
            loader.setDefaultAssertionStatus(assertions);
            loaders.add(loader);
            Method model = loader.loadClass("demo.Models").getMethod("model");
            return (Serializable) model.invoke(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }
}
