package org.bighummingbird.sdk.internal.fingerprint;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells application code from libraries. Application code is what the user writes and changes:
 * classes loaded from a directory (build output such as {@code target/classes}) plus classes in the
 * packages named by {@code BHB_APP_PACKAGES} / {@code bhb.appPackages}; and, for one model (see
 * {@link #scope}), the class that defines the traced function and every class from the same jar or
 * directory, so a model packaged in a jar has the version it has from its classes directory. The
 * JDK, BigHummingbird itself and every other jar are libraries, keyed by name, recorded with their
 * version. Thread-safe.
 */
public final class AppClasses {
    private static final List<String> PLATFORM = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    private final List<String> appPackages;
    private final List<String> sdkRoots;
    /** Origins per class loader; weak, so tracing never keeps a class loader alive. */
    private final Map<ClassLoader, Map<String, Origin>> origins = new WeakHashMap<>();

    /**
     * Where a class comes from.
     *
     * @param app whether it is application code for every model
     * @param codeRoot the jar or directory it was loaded from (its URL up to the class's path), or
     *     null for the JDK, BigHummingbird and classes without a class file
     */
    private record Origin(boolean app, String codeRoot) {}

    private static final Origin LIBRARY = new Origin(false, null);

    /**
     * @param appPackages packages (dotted, as {@code com.acme.model}) that count as application code
     *     even when they come from a jar
     */
    public AppClasses(List<String> appPackages) {
        this.appPackages = appPackages.stream().map(p -> p.replace('.', '/') + "/").toList();
        this.sdkRoots = List.of(codeRoot(AppClasses.class), codeRoot(org.bighummingbird.core.Tag.class),
                codeRoot(org.bighummingbird.BigHummingbird.class));
    }

    /** Whether the class is application code for the given loader, whichever model calls it. */
    public boolean isApp(ClassLoader loader, String internalName) {
        return origin(loader, internalName).app();
    }

    /**
     * Application code for one model: what {@link #isApp} says plus the class {@code rootClass} (the
     * lambda's implementation class or the method reference's owner) and every class loaded from the
     * same jar or directory — unless that is the JDK or BigHummingbird's own.
     */
    AppScope scope(ClassLoader loader, String rootClass) {
        return new AppScope(this, loader, origin(loader, rootClass).codeRoot());
    }

    /** The jar or directory the class comes from, or null for the JDK, the SDK and missing class files. */
    String codeRootOf(ClassLoader loader, String internalName) {
        return origin(loader, internalName).codeRoot();
    }

    private Origin origin(ClassLoader loader, String internalName) {
        if (internalName.startsWith("[")) {
            return LIBRARY;
        }
        for (String prefix : PLATFORM) {
            if (internalName.startsWith(prefix)) {
                return LIBRARY;
            }
        }
        Map<String, Origin> forLoader;
        synchronized (origins) {
            forLoader = origins.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
        return forLoader.computeIfAbsent(internalName, n -> decide(loader, n));
    }

    private boolean isSdk(URL url) {
        String location = url.toString();
        for (String root : sdkRoots) {
            if (root != null && location.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    private Origin decide(ClassLoader loader, String internalName) {
        URL url = ClassFiles.resource(loader, internalName);
        if (url == null) {
            return LIBRARY;
        }
        // named by the user: application code wherever it lives, even in a shaded jar beside the SDK
        boolean named = inAppPackages(internalName);
        if (isSdk(url) || "jrt".equals(url.getProtocol())) {
            return new Origin(named, null);
        }
        return new Origin(named || "file".equals(url.getProtocol()), codeRoot(url, internalName));
    }

    private boolean inAppPackages(String internalName) {
        for (String pkg : appPackages) {
            if (internalName.startsWith(pkg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The jar or directory of a class file's URL: a jar's URL up to its last {@code !/} (so the
     * versioned entries of a multi-release jar and nested jars count as their jar), else the URL
     * without the class's own path.
     */
    private static String codeRoot(URL url, String internalName) {
        String s = url.toString();
        if ("jar".equals(url.getProtocol())) {
            int bang = s.lastIndexOf("!/");
            return bang < 0 ? s : s.substring(0, bang + 2);
        }
        String suffix = internalName + ".class";
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** The jar a library class comes from, or null for the JDK and directories. */
    static String jarOf(ClassLoader loader, String internalName) {
        URL url = ClassFiles.resource(loader, internalName);
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String s = url.getPath();
        int bang = s.indexOf("!/");
        return bang < 0 ? null : s.substring(0, bang);
    }

    private static String codeRoot(Class<?> type) {
        URL url = type.getResource(type.getSimpleName() + ".class");
        if (url == null) {
            return null;
        }
        String s = url.toString();
        String suffix = type.getName().replace('.', '/') + ".class";
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : null;
    }
}
