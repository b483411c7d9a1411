package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code bhb} in this JVM with captured stdout and stderr. */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Cli() {}

    /** Runs {@code args} followed by {@code --home home}. */
    static Result run(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return run(all.toArray(String[]::new));
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Bhb.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** stdout parsed as exactly one JSON document; fails the test otherwise. */
        JsonNode json() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n" + out, e);
            }
        }

        /** The command failed with {@code code}: stdout empty, one line on stderr. */
        Result failedWith(int code) {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(code);
            assertThat(out).as("stdout of a failed command").isEmpty();
            assertThat(err.lines()).as("stderr lines").hasSize(1);
            return this;
        }
    }
}
