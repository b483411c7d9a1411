package org.bighummingbird.internal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        List<String> names = e.model().parameterNames();
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < e.inputs().length; i++) {
            inputs.set(i < names.size() ? names.get(i) : "arg" + i, tree(e.inputs()[i]));
        }
        Throwable error = e.error();
        String output = error == null ? write(tree(e.output())) : null;
        String shape = error == null ? write(Shapes.of(e.output())) : null;
        return new RunRecord(e.id().toString(), e.model().name(), e.model().versionKey(),
                e.parentId() == null ? null : e.parentId().toString(),
                e.rootId() == null ? null : e.rootId().toString(),
                e.startEpochNanos() / 1_000, e.latencyNs(), e.thread(), write(inputs), output, shape,
                error == null ? null : error.getClass().getName(),
                error == null ? null : safeMessage(error),
                error == null ? null : stack(error), e.assessment());
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

    private static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            return "null";
        }
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
