package org.bighummingbird.cli;

/**
 * The server the CLI reads from: {@code bhb.url} / {@code BHB_URL} and {@code bhb.apiKey} /
 * {@code BHB_API_KEY}, system property first, blank meaning unset — the SDK's rule.
 */
final class ServerSettings {
    private ServerSettings() {}

    static String url() {
        return get("bhb.url", "BHB_URL");
    }

    static String apiKey() {
        return get("bhb.apiKey", "BHB_API_KEY");
    }

    private static String get(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
