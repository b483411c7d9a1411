package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.CanonicalJson;
import org.bighummingbird.core.InvalidJson;

/**
 * An evaluation's rows checked against its dataset version, inside the transaction that writes
 * them: each row's index names a row of the dataset, its input is that row's input (as canonical
 * JSON), and each index is written once; a row sent again with the same content is a retry and is
 * not written again, one with other content is a conflict. {@link #requireComplete} refuses to
 * complete an evaluation with dataset rows that have no evaluation row.
 */
final class EvaluationRowChecks {
    /** Most missing indexes an {@link EvaluationIncomplete} names. */
    static final int NAMED_MISSING = 20;
    /** Most indexes in one {@code IN (…)} list. */
    private static final int IN_LIST = 200;

    private EvaluationRowChecks() {}

    /** The dataset version an evaluation runs over. */
    private record Dataset(String versionId, String tag, int rowCount) {}

    /**
     * The rows of the batch still to insert, in batch order: every row checked, its input as the
     * dataset's canonical text, each index once, and none that is stored already.
     *
     * @throws EvaluationRowRejected when a row's index or input is not its dataset row's
     * @throws EvaluationRowConflict when an index has, or is sent with, other content
     */
    static List<EvaluationRowView> rowsToInsert(Connection c, String evaluationId, List<EvaluationRowView> rows)
            throws SQLException {
        Dataset dataset = dataset(c, evaluationId);
        Map<Integer, Integer> positionByIndex = new LinkedHashMap<>();
        List<EvaluationRowView> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EvaluationRowView row = stored(i, rows.get(i), dataset);
            Integer earlier = positionByIndex.putIfAbsent(row.index(), i);
            if (earlier != null && !checked.get(earlier).equals(row)) {
                throw new EvaluationRowConflict(i, "index " + row.index() + " is sent twice in the batch with"
                        + " different content (" + difference(checked.get(earlier), row) + ")");
            }
            checked.add(row);
        }
        requireDatasetInputs(c, dataset, positionByIndex, checked);
        // Lengths and scalars first, whole texts only of rows that could be equal: a small batch
        // naming large stored rows never makes the server read them.
        Map<Integer, Shape> shapes = storedShapes(c, evaluationId, positionByIndex.keySet());
        List<Integer> alike = new ArrayList<>();
        List<EvaluationRowView> out = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : positionByIndex.entrySet()) {
            EvaluationRowView row = checked.get(e.getValue());
            Shape shape = shapes.get(row.index());
            if (shape == null) {
                out.add(row);
            } else if (!shape.equals(Shape.of(row))) {
                throw conflict(evaluationId, e.getValue(), row, shape.difference(Shape.of(row)));
            } else {
                alike.add(row.index());
            }
        }
        Map<Integer, EvaluationRowView> stored = storedRows(c, evaluationId, alike);
        for (int index : alike) {
            int position = positionByIndex.get(index);
            EvaluationRowView row = checked.get(position);
            if (!stored.get(index).equals(row)) {
                throw conflict(evaluationId, position, row, difference(stored.get(index), row));
            }
        }
        return out;
    }

    private static EvaluationRowConflict conflict(String evaluationId, int position, EvaluationRowView row,
            String difference) {
        return new EvaluationRowConflict(position, "evaluation " + evaluationId + " has a row at index " + row.index()
                + " already, with other content (" + difference + "); a row is written once, a retry must send the"
                + " same row");
    }

    /** What can be compared of a row without its texts: their lengths in code points, and the scalars. */
    private record Shape(long input, Long output, Double score, Boolean passed, long latencyNs, Long error,
            String runId) {
        static Shape of(EvaluationRowView r) {
            return new Shape(length(r.inputJson()), r.outputJson() == null ? null : length(r.outputJson()), r.score(),
                    r.passed(), r.latencyNs(), r.error() == null ? null : length(r.error()), r.runId());
        }

        String difference(Shape sent) {
            String[] names = {"inputJson length", "outputJson length", "score", "passed", "latencyNs", "error length",
                "runId"};
            Object[] left = {input, output, score, passed, latencyNs, error, runId};
            Object[] right = {sent.input, sent.output, sent.score, sent.passed, sent.latencyNs, sent.error, sent.runId};
            for (int i = 0; i < names.length; i++) {
                if (!java.util.Objects.equals(left[i], right[i])) {
                    return names[i] + " " + shortened(left[i]) + ", not " + shortened(right[i]);
                }
            }
            return "none";
        }
    }

    private static long length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Throws unless each row's input is its dataset row's, reading the dataset's texts only where
     * the lengths agree (so at most about the batch's own size).
     */
    private static void requireDatasetInputs(Connection c, Dataset dataset, Map<Integer, Integer> positionByIndex,
            List<EvaluationRowView> checked) throws SQLException {
        Map<Integer, Object[]> heads = new HashMap<>();
        for (List<Integer> chunk : chunks(positionByIndex.keySet())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, LENGTH(input_json), SUBSTR(input_json, 1, 81)"
                    + " FROM dataset_rows WHERE dataset_version_id = ? AND idx IN (" + placeholders(chunk.size()) + ")")) {
                ps.setString(1, dataset.versionId());
                bind(ps, 2, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getInt(1), new Object[] {rs.getLong(2), rs.getString(3)});
                    }
                }
            }
        }
        List<Integer> sameLength = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : positionByIndex.entrySet()) {
            EvaluationRowView row = checked.get(e.getValue());
            Object[] head = heads.get(row.index());
            if ((long) head[0] != length(row.inputJson())) {
                throw inputMismatch(e.getValue(), row, dataset, (String) head[1]);
            }
            sameLength.add(row.index());
        }
        Map<Integer, String> inputs = datasetInputs(c, dataset.versionId(), sameLength);
        for (int index : sameLength) {
            EvaluationRowView row = checked.get(positionByIndex.get(index));
            if (!row.inputJson().equals(inputs.get(index))) {
                throw inputMismatch(positionByIndex.get(index), row, dataset, inputs.get(index));
            }
        }
    }

    private static EvaluationRowRejected inputMismatch(int position, EvaluationRowView row, Dataset dataset,
            String datasetInput) {
        return new EvaluationRowRejected(position, "inputJson", "inputJson must be the input of row " + row.index()
                + " of dataset " + dataset.tag() + ", " + shortened(datasetInput) + ", got "
                + shortened(row.inputJson()));
    }

    private static Map<Integer, Shape> storedShapes(Connection c, String evaluationId, Iterable<Integer> indexes)
            throws SQLException {
        Map<Integer, Shape> out = new HashMap<>();
        for (List<Integer> chunk : chunks(indexes)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, LENGTH(input), LENGTH(output), score, passed,"
                    + " latency_ns, LENGTH(error), run_id FROM evaluation_rows WHERE evaluation_id = ? AND idx IN ("
                    + placeholders(chunk.size()) + ")")) {
                ps.setString(1, evaluationId);
                bind(ps, 2, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long input = rs.getLong(2);
                        long output = rs.getLong(3);
                        Long boxedOutput = rs.wasNull() ? null : output;
                        double score = rs.getDouble(4);
                        Double boxedScore = rs.wasNull() ? null : score;
                        boolean passed = rs.getBoolean(5);
                        Boolean boxedPassed = rs.wasNull() ? null : passed;
                        long latency = rs.getLong(6);
                        long error = rs.getLong(7);
                        Long boxedError = rs.wasNull() ? null : error;
                        out.put(rs.getInt(1), new Shape(input, boxedOutput, boxedScore, boxedPassed, latency,
                                boxedError, rs.getString(8)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Throws unless every row of the evaluation's dataset version has its evaluation row.
     *
     * @throws EvaluationIncomplete naming how many are missing and the lowest missing indexes
     */
    static void requireComplete(Connection c, String evaluationId) throws SQLException {
        Dataset dataset = dataset(c, evaluationId);
        long present;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM evaluation_rows WHERE evaluation_id = ? AND idx < ?")) {
            ps.setString(1, evaluationId);
            ps.setInt(2, dataset.rowCount());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                present = rs.getLong(1);
            }
        }
        if (present >= dataset.rowCount()) {
            return;
        }
        List<Integer> missing = firstMissing(c, evaluationId, dataset.rowCount());
        long count = dataset.rowCount() - present;
        throw new EvaluationIncomplete(count, missing, "evaluation " + evaluationId + " has rows for " + present
                + " of the " + dataset.rowCount() + " rows of dataset " + dataset.tag() + "; missing "
                + (count == 1 ? "index " : "indexes ") + joined(missing) + (count > missing.size()
                        ? " and " + (count - missing.size()) + " more" : "")
                + "; append them, or fail the evaluation with a reason");
    }

    private static List<Integer> firstMissing(Connection c, String evaluationId, int rowCount) throws SQLException {
        List<Integer> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT idx FROM evaluation_rows WHERE evaluation_id = ? AND idx < ? ORDER BY idx")) {
            ps.setString(1, evaluationId);
            ps.setInt(2, rowCount);
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                int expected = 0;
                while (missing.size() < NAMED_MISSING && rs.next()) {
                    int idx = rs.getInt(1);
                    while (expected < idx && missing.size() < NAMED_MISSING) {
                        missing.add(expected++);
                    }
                    expected = idx + 1;
                }
                while (expected < rowCount && missing.size() < NAMED_MISSING) {
                    missing.add(expected++);
                }
            }
        }
        return missing;
    }

    /** The row as it would be stored, its index in range and its input canonical. */
    private static EvaluationRowView stored(int position, EvaluationRowView row, Dataset dataset) {
        if (row.index() < 0 || row.index() >= dataset.rowCount()) {
            throw new EvaluationRowRejected(position, "index", "index must be 0 to " + (dataset.rowCount() - 1)
                    + ", a row of dataset " + dataset.tag() + " (" + dataset.rowCount() + " rows), got "
                    + row.index());
        }
        String input;
        try {
            input = CanonicalJson.write(CanonicalJson.parse(row.inputJson()));
        } catch (InvalidJson e) {
            throw new EvaluationRowRejected(position, "inputJson", "inputJson " + e.getMessage());
        }
        return new EvaluationRowView(row.index(), input, StoredText.of(row.outputJson()), row.score(), row.passed(),
                row.latencyNs(), StoredText.of(row.error()), row.runId());
    }

    private static Dataset dataset(Connection c, String evaluationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dv.id, d.name, dv.version, dv.row_count"
                + " FROM evaluations e JOIN dataset_versions dv ON dv.id = e.dataset_version_id"
                + " JOIN datasets d ON d.id = dv.dataset_id WHERE e.id = ?")) {
            ps.setString(1, evaluationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("evaluation " + evaluationId + " vanished in its own transaction");
                }
                return new Dataset(rs.getString(1), rs.getString(2) + ":v" + rs.getInt(3), rs.getInt(4));
            }
        }
    }

    private static Map<Integer, String> datasetInputs(Connection c, String versionId, Iterable<Integer> indexes)
            throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        for (List<Integer> chunk : chunks(indexes)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, input_json FROM dataset_rows"
                    + " WHERE dataset_version_id = ? AND idx IN (" + placeholders(chunk.size()) + ")")) {
                ps.setString(1, versionId);
                bind(ps, 2, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static Map<Integer, EvaluationRowView> storedRows(Connection c, String evaluationId,
            Iterable<Integer> indexes) throws SQLException {
        Map<Integer, EvaluationRowView> out = new HashMap<>();
        for (List<Integer> chunk : chunks(indexes)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, input, output, score, passed, latency_ns,"
                    + " error, run_id FROM evaluation_rows WHERE evaluation_id = ? AND idx IN ("
                    + placeholders(chunk.size()) + ")")) {
                ps.setString(1, evaluationId);
                bind(ps, 2, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        EvaluationRowView row = Evaluations.row(rs);
                        out.put(row.index(), row);
                    }
                }
            }
        }
        return out;
    }

    private static List<List<Integer>> chunks(Iterable<Integer> indexes) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>();
        for (Integer i : indexes) {
            if (chunk.size() == IN_LIST) {
                out.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.add(i);
        }
        if (!chunk.isEmpty()) {
            out.add(chunk);
        }
        return out;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, int first, List<Integer> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setInt(first + i, values.get(i));
        }
    }

    /** The first field in which two rows of one index differ, with both values. */
    static String difference(EvaluationRowView a, EvaluationRowView b) {
        String[] names = {"inputJson", "outputJson", "score", "passed", "latencyNs", "error", "runId"};
        Object[] left = {a.inputJson(), a.outputJson(), a.score(), a.passed(), a.latencyNs(), a.error(), a.runId()};
        Object[] right = {b.inputJson(), b.outputJson(), b.score(), b.passed(), b.latencyNs(), b.error(), b.runId()};
        for (int i = 0; i < names.length; i++) {
            if (!java.util.Objects.equals(left[i], right[i])) {
                return names[i] + " " + shortened(left[i]) + ", not " + shortened(right[i]);
            }
        }
        return "none";
    }

    private static String shortened(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String joined(List<Integer> indexes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < indexes.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(indexes.get(i));
        }
        return out.toString();
    }
}
