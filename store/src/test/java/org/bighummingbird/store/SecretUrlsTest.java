package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL URL's password, as {@code password=} or as {@code user:password@}, reaches no
 * exception message (of the whole cause chain) and no log line, whether the migration fails or the
 * host cannot be reached.
 */
class SecretUrlsTest {
    private static final String SECRET = "secret";

    @Test
    void aFailedMigrationNamesNoPassword() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres()) {
            try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE flyway_schema_history (x INTEGER)"); // a history Flyway cannot read
            }
            String name = database.url().substring(ThrowawayPostgres.SERVER.length(), database.url().indexOf('?'));
            for (String url : List.of(database.url() + "&password=" + SECRET,
                    "jdbc:postgresql://postgres:" + SECRET + "@127.0.0.1:5432/" + name)) {
                Failure failure = open(url);

                assertThat(failure.thrown()).as(url).isInstanceOf(StoreException.class)
                        .hasMessageContaining("cannot migrate").hasMessageContaining("flyway_schema_history");
                assertThat(failure.stackTrace()).doesNotContain(SECRET);
                assertThat(failure.log()).contains("bhb-store").doesNotContain(SECRET);
            }
        }
    }

    @Test
    void anUnreachableHostNamesNoPassword() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:1/bhb?user=bhb&password=" + SECRET + "&ssl=false",
                "jdbc:postgresql://bhb:" + SECRET + "@127.0.0.1:1/bhb",
                "jdbc:postgresql://127.0.0.1:1/bhb?sslpassword=" + SECRET)) {
            Failure failure = open(url);

            assertThat(failure.thrown()).as(url).isInstanceOf(StoreUnavailable.class);
            assertThat(failure.stackTrace()).doesNotContain(SECRET).contains("127.0.0.1:1");
            assertThat(failure.log()).doesNotContain(SECRET);
        }
    }

    /** Opens the store at {@code url}, catching what it throws and what it logs (slf4j-simple writes to System.err). */
    private static Failure open(String url) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Throwable thrown;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            thrown = catchThrowable(() -> Store.open(url).close());
        } finally {
            System.setErr(original);
        }
        StringWriter trace = new StringWriter();
        if (thrown != null) {
            thrown.printStackTrace(new PrintWriter(trace));
        }
        return new Failure(thrown, trace.toString(), log.toString(StandardCharsets.UTF_8));
    }

    private record Failure(Throwable thrown, String stackTrace, String log) {}
}
