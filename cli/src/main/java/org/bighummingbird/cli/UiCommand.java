package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bhb ui}: the dashboard on the embedded store, for one person on one machine: {@code bhb
 * server --no-auth} on 127.0.0.1, printing the dashboard's URL on stdout (the only line there), and
 * serving until SIGTERM or Ctrl-C, then stopping gracefully with exit code 0.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Opens the dashboard on the embedded store: prints its URL and serves until SIGTERM or Ctrl-C.")
final class UiCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "The TCP port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The embedded store's directory. Default: -Dbhb.home, else $BHB_HOME, else ~/.bighummingbird.")
    Path home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config;
        try {
            config = ServerConfig.builder().host("127.0.0.1").port(port).auth(false)
                    .home(home != null ? home : StoreOptions.defaultHome()).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        BhbServer server = BhbServer.start(config);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopRequested = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(server, err), "bhb-ui-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StopSignals.handle(stopRequested::countDown);
        err.println("bhb ui: the dashboard of the " + server.store() + ", without login (loopback only);"
                + " Ctrl-C stops it");
        err.flush();
        out.println(server.url() + "/");
        out.flush();
        stopRequested.await();
        Runtime.getRuntime().removeShutdownHook(hook);
        stop(server, err);
        return 0;
    }

    private static void stop(BhbServer server, PrintWriter err) {
        server.close();
        err.println("bhb ui: stopped");
        err.flush();
    }
}
