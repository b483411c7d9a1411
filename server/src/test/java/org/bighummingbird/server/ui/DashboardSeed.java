package org.bighummingbird.server.ui;

import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.NewEvaluation;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * A project for the dashboard tests, written through the real store: a model with two versions
 * (the second calls a changed helper), runs with hostile inputs, outputs and errors, a trace tree,
 * a dataset, a judge and two complete evaluations of the two versions.
 */
public final class DashboardSeed {
    /** A value that would run as script if a page failed to escape it. */
    public static final String HOSTILE = "<script>alert(1)</script>";
    /** {@link #HOSTILE} as escaped HTML text. */
    public static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    /** The seeded project's name. */
    public static final String PROJECT = "Concept Project";
    /** How many flat runs the seed writes (the trace tree adds three more). */
    public static final int RUNS = 25;

    public final ProjectRef project;
    public final List<RunRecord> runs = new ArrayList<>();
    public final RunRecord root;
    public final RunRecord child;
    public final RunRecord grandchild;
    public final String evaluationA;
    public final String evaluationB;

    /** Writes the project {@code projectName} of {@code workspace} through {@code store}. */
    public DashboardSeed(Store store, String workspace, String projectName) {
        project = store.projects().findOrCreate(workspace, projectName);
        store.models().register(project, version("// lambda in com.acme.Bot\n(q) -> clean(q) + 1\n\n"
                + "// com.acme.Bot.clean(Ljava/lang/String;)Ljava/lang/String;\nreturn q.trim();"));
        store.models().register(project, version("// lambda in com.acme.Bot\n(q) -> clean(q) + 1\n\n"
                + "// com.acme.Bot.clean(Ljava/lang/String;)Ljava/lang/String;\nreturn q.strip() + \"" + HOSTILE + "\";"));
        long t = 1_795_750_736_000_000L;
        for (int i = 0; i < RUNS; i++) {
            boolean error = i % 5 == 0;
            runs.add(new RunRecord(RunIds.next().toString(), "bot", key(i % 2 == 0 ? 1 : 2), null, null, t + i * 1000L,
                    1000L * (i + 1) * (i + 1), "main", "{\"q\":\"" + (i == 3 ? HOSTILE : "question " + i) + "\"}",
                    error ? null : "\"answer " + i + (i == 4 ? " " + HOSTILE : "") + "\"", error ? null : "\"String\"",
                    error ? "java.lang.IllegalStateException" : null, error ? "bad " + HOSTILE : null,
                    error ? "java.lang.IllegalStateException: bad\n\tat com.acme.Bot.run(Bot.java:1)" : null));
        }
        String rootId = RunIds.next().toString();
        String childId = RunIds.next().toString();
        root = new RunRecord(rootId, "bot", key(1), null, null, t + 100_000, 9_000_000, "main", "{\"q\":\"pipeline\"}",
                "1", "\"Integer\"", null, null, null);
        child = new RunRecord(childId, "bot", key(1), rootId, rootId, t + 100_001, 5_000_000, "main",
                "{\"q\":\"step\"}", "2", "\"Integer\"", null, null, null);
        grandchild = new RunRecord(RunIds.next().toString(), "bot", key(1), childId, rootId, t + 100_002, 1_000_000,
                "main", "{\"q\":\"leaf\"}", "3", "\"Integer\"", null, null, null);
        runs.addAll(List.of(root, child, grandchild));
        store.runs().insert(project, runs);

        List<DatasetRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(DatasetRow.parse("\"q" + i + (i == 1 ? HOSTILE.replace("\"", "") : "") + "\"", "\"a" + i + "\""));
        }
        Tag dataset = store.datasets().register(project, DatasetUpload.of("faq", "questions " + HOSTILE, rows)).tag();
        String spec = "{\"expected\":\"a\",\"kind\":\"exact\"}";
        Tag judge = store.judges().register(project, new JudgeRegistration("matcher", JudgeRegistration.declarativeKey(spec),
                "exact", "exact match " + HOSTILE, spec, "", "{}")).tag();
        evaluationA = evaluate(store, new Tag("bot", 1), dataset, rows, judge, new boolean[] {true, true, false, true, true, false});
        evaluationB = evaluate(store, new Tag("bot", 2), dataset, rows, judge, new boolean[] {true, false, true, true, true, false});
    }

    private String evaluate(Store store, Tag model, Tag dataset, List<DatasetRow> inputs, Tag judge,
            boolean[] passed) {
        String id = RunIds.next().toString();
        store.evaluations().create(project, new NewEvaluation(id, model, dataset, judge, 2));
        List<EvaluationRowView> rows = new ArrayList<>();
        for (int i = 0; i < passed.length; i++) {
            boolean error = i == 5;
            // The store takes a row only with its dataset row's input (row 1's is hostile).
            rows.add(new EvaluationRowView(i, inputs.get(i).inputJson(), error ? null : "\"out " + i + " " + HOSTILE + "\"",
                    error ? null : passed[i] ? 1.0 : 0.0, error ? null : passed[i], 1000L * (i + 1),
                    error ? "model threw " + HOSTILE : null, runs.get(i).id()));
        }
        store.evaluations().appendRows(project, id, rows);
        store.evaluations().complete(project, id);
        return id;
    }

    /** The version key of {@code bot} version {@code version}. */
    public static String key(int version) {
        return Hashing.sha256Hex("bot v" + version);
    }

    private static VersionRegistration version(String code) {
        int v = code.contains("strip") ? 2 : 1;
        return new VersionRegistration("bot", key(v), Hashing.sha256Hex("fp" + v),
                "{\"parameters\":[{\"name\":\"q\",\"type\":\"java.lang.String\"}],\"returns\":\"java.lang.Integer\","
                        + "\"erased\":false}", code, "source",
                "{\"jvm\":{\"version\":\"17.0." + v + "\"},\"libraries\":{\"jackson\":\"2." + v + "\"}}");
    }
}
