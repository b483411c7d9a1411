package org.bighummingbird.sdk.internal.trace;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is recorded beside a version but never keyed on: the JVM, the git commit and dirty flag of
 * the working directory, and the versions of the library jars the model calls. Gathered on the
 * exporter thread; git is asked once per process.
 */
final class Environment {
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[\\w.\\-]*)\\.jar$");
    private static final Map<String, String> JAR_VERSIONS = new ConcurrentHashMap<>();
    private static volatile ObjectNode git;

    private Environment() {}

    static ObjectNode jvm() {
        ObjectNode jvm = JsonNodeFactory.instance.objectNode();
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        return jvm;
    }

    static ObjectNode libraries(Collection<String> jars) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String jar : jars) {
            String file = jar.substring(jar.lastIndexOf('/') + 1);
            out.put(file, JAR_VERSIONS.computeIfAbsent(jar, Environment::jarVersion));
        }
        return out;
    }

    private static String jarVersion(String jar) {
        String path = jar.startsWith("file:") ? jar.substring(5) : jar;
        try (JarFile file = new JarFile(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8))) {
            Manifest manifest = file.getManifest();
            if (manifest != null) {
                for (String attribute : new String[] {"Implementation-Version", "Bundle-Version", "Specification-Version"}) {
                    String v = manifest.getMainAttributes().getValue(attribute);
                    if (v != null && !v.isBlank()) {
                        return v.trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the file name
        }
        Matcher m = JAR_VERSION.matcher(path);
        return m.find() ? m.group(1) : "unknown";
    }

    /** The git state of the working directory, or null when it is not in a git work tree. */
    static ObjectNode git() {
        ObjectNode state = git;
        if (state == null) {
            state = readGit(Path.of("").toAbsolutePath());
            git = state;
        }
        return state.isEmpty() ? null : state;
    }

    private static ObjectNode readGit(Path dir) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        String commit = run(dir, "git", "rev-parse", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            return state;
        }
        state.put("commit", commit);
        String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
        if (status != null) {
            state.put("dirty", !status.isEmpty());
        }
        return state;
    }

    private static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
