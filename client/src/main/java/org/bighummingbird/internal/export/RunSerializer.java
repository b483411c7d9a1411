package org.bighummingbird.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.bighummingbird.core.RunRecord;

/**
 * Turns a {@link RunEvent} into a {@link RunRecord} on the exporter thread. Never throws for a
 * value: one Jackson cannot write is recorded as {@code {"$type": …, "$toString": …}}.
 */
final class RunSerializer {
    private static final int MAX_STACK_CHARS = 64 * 1024;

    private RunSerializer() {}

    static RunRecord toRecord(RunEvent e) {
        Throwable error = e.error();
        String output = error == null ? json(e.output()) : null;
        String shape = error == null ? Shapes.text(e.output()) : null;
        return new RunRecord(e.id().toString(), e.model().name(), e.model().versionKey(),
                e.parentId() == null ? null : e.parentId().toString(),
                e.rootId() == null ? null : e.rootId().toString(),
                e.startEpochNanos() / 1_000, e.latencyNs(), e.thread(), inputs(e), output, shape,
                error == null ? null : error.getClass().getName(),
                error == null ? null : safeMessage(error),
                error == null ? null : stack(error), e.assessment());
    }

    /** The inputs as one object by parameter name ({@code arg<i>} past the names known). */
    private static String inputs(RunEvent e) {
        List<String> names = e.model().parameterNames();
        Object[] values = e.inputs();
        StringWriter out = new StringWriter(16 + 16 * values.length);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(i < names.size() ? names.get(i) : "arg" + i);
                write(json, values[i]);
            }
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", ex);
        }
        return out.toString();
    }

    /** One snapshot as JSON text. */
    private static String json(Object snapshot) {
        StringWriter out = new StringWriter(16);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            write(json, snapshot);
        } catch (IOException ex) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", ex);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object snapshot) throws IOException {
        if (!writeScalar(json, snapshot)) {
            json.writeTree(tree(snapshot));
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

    static JsonNode tree(Object snapshot) {
        if (snapshot instanceof Unserializable u) {
            return unserializable(u);
        }
        try {
            return Json.MAPPER.valueToTree(snapshot);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError ex) {
            // user code (getters, record accessors) runs here: whatever it throws, the run is kept
            return unserializable(Unserializable.of(snapshot));
        }
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
        } catch (RuntimeException ex) {
            return "<getMessage() threw " + ex.getClass().getName() + ">";
        }
    }

    private static String stack(Throwable t) {
        StringWriter out = new StringWriter();
        try {
            t.printStackTrace(new PrintWriter(out));
        } catch (RuntimeException ex) {
            return t.getClass().getName();
        }
        String s = out.toString();
        return s.length() > MAX_STACK_CHARS ? s.substring(0, MAX_STACK_CHARS) + "\n\t…" : s;
    }
}
