package org.bighummingbird.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs as they may be shown to people: a PostgreSQL URL can carry a password (as
 * {@code password=…}, {@code sslpassword=…} or {@code user:password@} before the host), which must
 * never reach a log line, an error message or stderr.
 */
public final class JdbcUrls {
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?#]*?:)[^/@?#]*@");
    /** {@code jdbc:…://user[:password]@}, the user information before the host. */
    private static final Pattern LEADING_USER_INFO = Pattern.compile("^(jdbc:[^/?#]*//)([^/@?#]*)@");

    private JdbcUrls() {}

    /** {@code jdbcUrl} with every password replaced by {@code ***}; null stays null. */
    public static String redacted(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String url = SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(url).replaceAll("$1***@");
    }

    /**
     * Splits {@code jdbcUrl} into a URL without secrets and the secrets as connection properties:
     * {@code user:password@} before the host becomes the user and password (percent-decoded), and
     * the {@code password} and {@code sslpassword} query parameters are taken out of the query. So
     * the driver, the pool and Flyway never see a secret in a URL, and never print one: PgJDBC
     * reads {@code user:password@} as part of the host name and names it in its exceptions, and
     * its connections report their URL as given.
     */
    static JdbcTarget split(String jdbcUrl) {
        String url = jdbcUrl;
        String user = null;
        String password = null;
        Matcher userInfo = LEADING_USER_INFO.matcher(url);
        if (userInfo.find()) {
            String info = userInfo.group(2);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon), false);
            password = colon < 0 ? null : decode(info.substring(colon + 1), false);
            url = userInfo.group(1) + url.substring(userInfo.end());
        }
        int query = url.indexOf('?');
        Map<String, String> secrets = new LinkedHashMap<>();
        if (query >= 0) {
            List<String> kept = new ArrayList<>();
            for (String parameter : url.substring(query + 1).split("&", -1)) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("password") || lower.equals("sslpassword")) {
                    secrets.put(lower, decode(parameter.substring(Math.min(parameter.length(), name.length() + 1)), true));
                } else {
                    kept.add(parameter);
                }
            }
            url = url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        }
        if (secrets.containsKey("password")) {
            password = secrets.remove("password");
        }
        return new JdbcTarget(url, user, password, secrets);
    }

    // PgJDBC decodes query values as form data ('+' is a space); user information is plain percent-encoding.
    private static String decode(String text, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // not percent-encoding after all: taken as written
        }
    }
}
