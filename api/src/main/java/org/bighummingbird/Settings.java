package org.bighummingbird;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Settings read from system properties first, then the environment. */
final class Settings {
    private Settings() {}

    static String get(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code bhb.home} / {@code BHB_HOME}, default {@code ~/.bighummingbird}. */
    static Path home() {
        String home = get("bhb.home", "BHB_HOME");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".bighummingbird");
    }

    /** {@code bhb.appPackages} / {@code BHB_APP_PACKAGES}: comma-separated package names. */
    static List<String> appPackages() {
        String packages = get("bhb.appPackages", "BHB_APP_PACKAGES");
        if (packages == null) {
            return List.of();
        }
        return Arrays.stream(packages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
