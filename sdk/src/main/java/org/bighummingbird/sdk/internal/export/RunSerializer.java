package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bighummingbird.core.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link RunEvent} into a {@link RunRecord} on the exporter thread. Snapshots are written by
 * their own code ({@link Snapshot}), JDK scalars by Jackson. Never throws: a value whose writing
 * throws, even an {@link Error} (a user {@code toString()} that runs out of memory), is recorded as
 * a {@code $truncated} marker with reason {@code error}, and the rest of the run as usual.
 */
final class RunSerializer {
    private static final Logger LOG = LoggerFactory.getLogger(RunSerializer.class);
    private static final int MAX_STACK_CHARS = 64 * 1024;
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

    private RunSerializer() {}

    static RunRecord toRecord(RunEvent e) {
        Throwable error = e.error();
        String output = error == null ? safeJson(e.output()) : null;
        String shape = error == null ? safeShape(e.output()) : null;
        return new RunRecord(e.id().toString(), e.model().name(), e.model().versionKey(),
                e.parentId() == null ? null : e.parentId().toString(),
                e.rootId() == null ? null : e.rootId().toString(),
                e.startEpochNanos() / 1_000, e.latencyNs(), e.thread(), safeInputs(e), output, shape,
                error == null ? null : error.getClass().getName(),
                error == null ? null : safeMessage(error),
                error == null ? null : stack(error), e.assessment());
    }

    private static String safeInputs(RunEvent e) {
        try {
            return inputs(e, false);
        } catch (Throwable t) {
            failed(t);
            return inputs(e, true);
        }
    }

    private static String safeJson(Object snapshot) {
        try {
            return json(snapshot);
        } catch (Throwable t) {
            failed(t);
            return json(marker(snapshot, t));
        }
    }

    private static String safeShape(Object snapshot) {
        try {
            return Shapes.text(snapshot);
        } catch (Throwable t) {
            failed(t);
            return "\"…\"";
        }
    }

    /** What stands for a value that could not be written: a marker naming the value's type and the error. */
    private static Truncated marker(Object snapshot, Throwable t) {
        Object value = snapshot instanceof Described d ? d.value() : snapshot;
        return Truncated.failed(value.getClass().getTypeName(), t);
    }

    private static void failed(Throwable t) {
        if (FAILURE_LOGGED.compareAndSet(false, true)) {
            LOG.warn("BigHummingbird could not write a value of a run; it is recorded as a $truncated marker"
                    + " (logged once)", t);
        }
    }

    /** The inputs as one object by parameter name ({@code arg<i>} past the names known). */
    private static String inputs(RunEvent e, boolean oneByOne) {
        List<String> names = e.model().parameterNames();
        Object[] values = e.inputs();
        StringWriter out = new StringWriter(16 + 16 * values.length);
        try (JsonGenerator json = Json.factory().createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(i < names.size() ? names.get(i) : "arg" + i);
                if (oneByOne) {
                    // after a failure: each value on its own, so one that throws cannot break the others
                    json.writeRawValue(safeJson(values[i]));
                } else {
                    write(json, values[i]);
                }
            }
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", ex);
        }
        return out.toString();
    }

    /** One snapshot as JSON text. */
    static String json(Object snapshot) {
        StringWriter out = new StringWriter(16);
        try (JsonGenerator json = Json.factory().createGenerator(out)) {
            write(json, snapshot);
        } catch (IOException ex) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", ex);
        }
        return out.toString();
    }

    /** Writes one snapshot: a part of ours by its own code, a scalar directly, a JDK value by Jackson. */
    static void write(JsonGenerator json, Object snapshot) throws IOException {
        if (snapshot instanceof Snapshot s) {
            s.write(json);
        } else if (!writeScalar(json, snapshot)) {
            if (snapshot instanceof Enum<?> e) {
                json.writeString(e.name());
            } else {
                // through Jackson's tree, as runs were written before (BigDecimal 1.50 as 1.5, Duration 9E+1)
                json.writeTree(Json.tree(snapshot));
            }
        }
    }

    /**
     * Writes a null, string, boolean or boxed primitive number as Jackson's tree would have it, and
     * says whether it did: these need no tree and run no user code, so most values skip the two passes
     * (tree, then text) that anything else takes.
     */
    private static boolean writeScalar(JsonGenerator json, Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String text) {
            json.writeString(text);
        } else if (v instanceof Integer n) {
            json.writeNumber(n);
        } else if (v instanceof Long n) {
            json.writeNumber(n);
        } else if (v instanceof Double n) {
            json.writeNumber(n);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Float n) {
            json.writeNumber(n);
        } else if (v instanceof Short n) {
            json.writeNumber(n);
        } else if (v instanceof Byte n) {
            json.writeNumber(n);
        } else {
            return false;
        }
        return true;
    }

    /** A snapshot as Jackson's tree: the same JSON {@link #toRecord} writes. */
    static JsonNode tree(Object snapshot) {
        if (snapshot instanceof Unserializable u) {
            return unserializable(u);
        }
        return Json.tree(snapshot);
    }

    private static JsonNode unserializable(Unserializable u) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("$type", u.type());
        node.put("$toString", u.text());
        return node;
    }

    private static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable ex) { // user code: an overridden getMessage() or getStackTrace()
            return "<getMessage() threw " + ex.getClass().getName() + ">";
        }
    }

    private static String stack(Throwable t) {
        StringWriter out = new StringWriter();
        try {
            t.printStackTrace(new PrintWriter(out));
        } catch (Throwable ex) { // user code: an overridden getMessage() or getStackTrace()
            return t.getClass().getName();
        }
        String s = out.toString();
        return s.length() > MAX_STACK_CHARS ? s.substring(0, MAX_STACK_CHARS) + "\n\t…" : s;
    }
}
