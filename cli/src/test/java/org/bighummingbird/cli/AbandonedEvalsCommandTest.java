package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Judge;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.NewEvaluation;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bhb evals} on a store file whose running evaluation's process stopped beating long ago:
 * the command sweeps first, so it lists the evaluation abandoned, with the reason.
 */
class AbandonedEvalsCommandTest {
    private static final String PROJECT = "Stopped Project";

    @TempDir
    Path home;

    @Test
    void aRunningEvaluationSilentForLongerThanTheSilenceIsListedAbandoned() throws Exception {
        String complete;
        String stale;
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            String words = bhb.uploadDataset(Dataset.of("words", "", List.of("a")));
            String judge = bhb.addJudge(Judge.of("length", "", (String out) -> out.length()));
            var echo = bhb.trace("echo", (String s) -> s);
            complete = bhb.evaluate(echo, judge, words, EvaluationOptions.builder().printRows(false).build()).id();
            try (Store store = Store.openLocal(home)) {
                ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
                stale = store.evaluations().create(project, new NewEvaluation(Tag.parse("echo:v1"), Tag.parse(words),
                        Tag.parse(judge), 1)).evaluation().id();
            }
        } finally {
            System.setOut(stdout);
        }
        // its process died three minutes ago, as far as the store can tell
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Store.DB_FILE));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE evaluations SET heartbeat_at = heartbeat_at - 180000000 WHERE id = '" + stale + "'");
        }

        JsonNode evals = Cli.run(home, "evals", "--project", PROJECT, "--json").json();
        Cli.Result table = Cli.run(home, "evals", "--project", PROJECT);
        Cli.Result show = Cli.run(home, "evals", "show", stale, "--project", PROJECT);

        assertThat(evals).extracting(e -> e.get("id").asText()).containsExactly(stale, complete);
        assertThat(evals.get(0).get("status").asText()).isEqualTo("abandoned");
        assertThat(evals.get(0).get("failure").asText()).startsWith("no heartbeat since ")
                .contains("abandoned after 120 s");
        assertThat(evals.get(1).get("status").asText()).isEqualTo("complete");
        assertThat(table.out().lines().filter(l -> l.startsWith(stale))).singleElement()
                .satisfies(l -> assertThat(l).contains("abandoned"));
        assertThat(show.out()).contains("status", "abandoned", "failure", "no heartbeat since", "heartbeat");
    }
}
