package org.bighummingbird.store;

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

    private JdbcUrls() {}

    /** {@code jdbcUrl} with every password replaced by {@code ***}; null stays null. */
    public static String redacted(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String url = SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(url).replaceAll("$1***@");
    }
}
