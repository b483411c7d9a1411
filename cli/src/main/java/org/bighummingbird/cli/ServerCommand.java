package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ui.access.AccessConfig;
import org.bighummingbird.store.ApiKeyInfo;
import org.bighummingbird.store.JdbcUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bhb server}: runs the team server (REST API v1) on a store until SIGTERM or Ctrl-C, then
 * stops gracefully: requests in flight finish, then the store closes, and the process exits 0.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the team server: REST API v1 over the store, until SIGTERM or Ctrl-C.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "The TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "The interface to listen on (0.0.0.0 for all). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--db", paramLabel = "JDBC_URL", converter = KeyStoreOptions.JdbcUrl.class,
            description = "The database: jdbc:postgresql://… or jdbc:sqlite:FILE. Default: the store under --home.")
    String db;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The embedded store's directory. Default: -Dbhb.home, else $BHB_HOME, else ~/.bighummingbird.")
    Path home;

    @Option(names = "--no-auth",
            description = "Serve everyone as workspace default, without API keys: for one person on one machine.")
    boolean noAuth;

    @Option(names = "--session-idle", paramLabel = "DURATION", converter = SessionDuration.class,
            description = "How long a dashboard login lives unused (90s, 30m, 12h, 7d). Default: 12h.")
    Duration sessionIdle = AccessConfig.DEFAULTS.sessionIdle();

    @Option(names = "--session-max-age", paramLabel = "DURATION", converter = SessionDuration.class,
            description = "How long a dashboard login lives at most, however much it is used. Default: 7d.")
    Duration sessionMaxAge = AccessConfig.DEFAULTS.sessionMaxAge();

    @Option(names = "--trust-proxy",
            description = "Believe X-Forwarded-Proto and X-Forwarded-For (only behind a reverse proxy that sets them).")
    boolean trustProxy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BhbServer server = BhbServer.start(config());
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopRequested = new CountDownLatch(1);
        // Any other way the JVM ends (SIGHUP, a signal that could not be handled) still stops gracefully.
        Thread hook = new Thread(() -> stop(server, err), "bhb-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StopSignals.handle(stopRequested::countDown);
        err.println("bhb server: listening on " + server.url() + " (REST API v1 under /api/v1)");
        err.println("bhb server: serving the " + server.store());
        if (noAuth) {
            warnOpen(err, server.url());
        } else if (server.store().apiKeys().list().stream().allMatch(ApiKeyInfo::revoked)) {
            err.println("bhb server: the store has no active API key yet, so every request is refused (401)."
                    + " Create one with:");
            err.println("    bhb keys create --workspace default " + storeArguments());
        }
        err.flush();
        stopRequested.await();
        Runtime.getRuntime().removeShutdownHook(hook);
        stop(server, err);
        return 0;
    }

    private static void stop(BhbServer server, PrintWriter err) {
        err.println("bhb server: stopping; requests in flight finish first");
        err.flush();
        server.close();
        err.println("bhb server: stopped");
        err.flush();
    }

    private ServerConfig config() {
        if (db != null && home != null) {
            throw new ParameterException(spec.commandLine(), "--db and --home name two different stores; give one of them");
        }
        if (noAuth && !loopback(host)) {
            throw new ParameterException(spec.commandLine(), "--no-auth serves anyone who can reach the port, so it"
                    + " listens on a loopback address only (127.0.0.1, ::1, localhost), got --host " + Text.oneLine(host)
                    + "; create a key with `bhb keys create` to serve a team");
        }
        try {
            ServerConfig.Builder builder = ServerConfig.builder().host(host).port(port).auth(!noAuth)
                    .access(AccessConfig.DEFAULTS.withSessionIdle(sessionIdle).withSessionMaxAge(sessionMaxAge)
                            .withTrustProxy(trustProxy));
            return db != null ? builder.jdbcUrl(db).build()
                    : builder.home(home != null ? home : StoreOptions.defaultHome()).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String storeArguments() {
        return db != null ? "--db '" + JdbcUrls.redacted(db) + "'"
                : "--home '" + (home != null ? home : StoreOptions.defaultHome()) + "'";
    }

    // By the name as given: resolving a host name here would ask DNS, and localhost is the one name
    // that means loopback everywhere.
    private static boolean loopback(String host) {
        String h = host.trim();
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.startsWith("127.");
    }

    /** Reads {@code 90s}, {@code 30m}, {@code 12h} or {@code 7d} while parsing, so anything else is a usage error. */
    static final class SessionDuration implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException("must be a positive number with s, m, h or d (such as 30m or 12h), got \""
                        + Text.oneLine(value) + "\"");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
    }

    private static void warnOpen(PrintWriter err, String url) {
        err.println("WARN ******************************************************************");
        err.println("WARN bhb server runs WITHOUT AUTHENTICATION (--no-auth).");
        err.println("WARN Anyone who can reach " + url + " can read and write every project");
        err.println("WARN of workspace \"default\". Use it for one person on one machine only;");
        err.println("WARN never expose this port. Drop --no-auth and use API keys for a team.");
        err.println("WARN ******************************************************************");
    }
}
