package org.bighummingbird.internal.fingerprint;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells application code from libraries. Application code is what the user writes and changes:
 * classes loaded from a directory (build output such as {@code target/classes}) plus classes in the
 * packages named by {@code BHB_APP_PACKAGES} / {@code bhb.appPackages}. The JDK, every other jar and
 * BigHummingbird itself are libraries, keyed by name, recorded with their version.
 */
public final class AppClasses {
    private static final List<String> PLATFORM = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    private final List<String> appPackages;
    private final List<String> sdkRoots;
    /** Verdicts per class loader; weak, so tracing never keeps a class loader alive. */
    private final Map<ClassLoader, Map<String, Boolean>> verdicts = new WeakHashMap<>();

    /**
     * @param appPackages packages (dotted, as {@code com.acme.model}) that count as application code
     *     even when they come from a jar
     */
    public AppClasses(List<String> appPackages) {
        this.appPackages = appPackages.stream().map(p -> p.replace('.', '/') + "/").toList();
        this.sdkRoots = List.of(codeRoot(AppClasses.class), codeRoot(org.bighummingbird.core.Tag.class),
                codeRoot(org.bighummingbird.store.Store.class));
    }

    /** Whether the class is application code for the given loader. */
    public boolean isApp(ClassLoader loader, String internalName) {
        if (internalName.startsWith("[")) {
            return false;
        }
        for (String prefix : PLATFORM) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        Map<String, Boolean> forLoader;
        synchronized (verdicts) {
            forLoader = verdicts.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
        return forLoader.computeIfAbsent(internalName, n -> decide(loader, n));
    }

    /**
     * Whether the class is the JDK's or BigHummingbird's own (or cannot be found): code a user never
     * writes, whatever the application packages say.
     */
    boolean isPlatformOrSdk(ClassLoader loader, String internalName) {
        if (internalName.startsWith("[")) {
            return true;
        }
        for (String prefix : PLATFORM) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        URL url = ClassFiles.resource(loader, internalName);
        return url == null || (isSdk(url) && !inAppPackages(internalName));
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

    private boolean decide(ClassLoader loader, String internalName) {
        URL url = ClassFiles.resource(loader, internalName);
        if (url == null) {
            return false;
        }
        // named by the user: application code wherever it lives, even in a shaded jar beside the SDK
        if (inAppPackages(internalName)) {
            return true;
        }
        return !isSdk(url) && "file".equals(url.getProtocol());
    }

    private boolean inAppPackages(String internalName) {
        for (String pkg : appPackages) {
            if (internalName.startsWith(pkg)) {
                return true;
            }
        }
        return false;
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
