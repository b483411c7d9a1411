package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.ModelVersionDetail;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * {@code …/models/{name}/diff?from=v1&to=v2}: the two versions' code and signature as a unified
 * diff, and what changed among the fingerprint's inputs: which methods (the model and every helper
 * it reaches, each a section of the recorded code), the signature, and the library versions.
 */
final class DiffPage {
    private final Store store;
    private final Pages pages;

    DiffPage(Store store, Pages pages) {
        this.store = store;
        this.pages = pages;
    }

    /**
     * One method of the fingerprint and what happened to it.
     *
     * @param method its label as recorded ({@code lambda in com.acme.Bot}, {@code com.acme.Bot.clean(…)})
     * @param change {@code added}, {@code removed}, {@code changed} or {@code same}
     */
    public record MethodChange(String method, String change) {}

    /**
     * One metadata value that differs.
     *
     * @param key its path ({@code libraries.jackson-databind})
     * @param from the old value, or null
     * @param to the new value, or null
     */
    public record ValueChange(String key, String from, String to) {}

    /**
     * The diff page.
     *
     * @param project the project's name
     * @param model the model's name
     * @param from the old version
     * @param to the new version
     * @param signatureFrom the old signature
     * @param signatureTo the new signature
     * @param code the code diff
     * @param methods the fingerprint's methods and their changes
     * @param environment metadata values that differ
     * @param sameKey whether the two have the same identity (then they are one version)
     * @param codeChanged whether the code fingerprints differ
     */
    public record View(String project, String model, ModelVersionDetail from, ModelVersionDetail to,
            ModelsPage.Signature signatureFrom, ModelsPage.Signature signatureTo, LineDiff.Result code,
            List<MethodChange> methods, List<ValueChange> environment, boolean sameKey, boolean codeChanged) {
        /** Whether the declared signatures differ. */
        public boolean signatureChanged() {
            return !signatureFrom.text().equals(signatureTo.text()) || signatureFrom.erased() != signatureTo.erased();
        }
    }

    void show(Context ctx) {
        ProjectRef project = pages.project(ctx);
        String model = ModelsPage.modelName(ctx);
        Params p = new Params(ctx);
        int from = required(p, "from");
        int to = required(p, "to");
        ModelVersionDetail a = find(project, model, from);
        ModelVersionDetail b = find(project, model, to);
        View view = new View(project.name(), model, a, b, ModelsPage.Signature.of(a.info().signatureJson()),
                ModelsPage.Signature.of(b.info().signatureJson()), LineDiff.of(a.code(), b.code()),
                methods(a.code(), b.code()), environment(a.metadataJson(), b.metadataJson()),
                a.info().versionKey().equals(b.info().versionKey()),
                !a.info().codeFingerprint().equals(b.info().codeFingerprint()));
        pages.render(ctx, "diff.jte", pages.chrome(ctx, model + " v" + from + " → v" + to, project.name(), "models"),
                view);
    }

    private static int required(Params p, String name) {
        Integer v = p.version(name);
        if (v == null) {
            throw UiError.badRequest(name + " is required: a version such as v1");
        }
        return v;
    }

    private ModelVersionDetail find(ProjectRef project, String model, int version) {
        return store.models().find(project, new TagReference(model, version)).orElseThrow(() ->
                UiError.notFound("no version " + model + ":v" + version + " in project " + Params.quote(project.name())));
    }

    /** The recorded code's sections: each starts with a {@code // label} line after a blank line. */
    static Map<String, String> sections(String code) {
        Map<String, String> out = new LinkedHashMap<>();
        String label = null;
        StringBuilder body = new StringBuilder();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean header = line.startsWith("// ") && (i == 0 || lines[i - 1].isEmpty());
            if (header) {
                if (label != null) {
                    out.put(label, body.toString().strip());
                }
                label = line.substring(3).strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (label != null) {
            out.put(label, body.toString().strip());
        }
        return out;
    }

    static List<MethodChange> methods(String from, String to) {
        Map<String, String> a = sections(from);
        Map<String, String> b = sections(to);
        List<MethodChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : b.entrySet()) {
            String old = a.get(e.getKey());
            out.add(new MethodChange(e.getKey(), old == null ? "added" : old.equals(e.getValue()) ? "same" : "changed"));
        }
        for (String gone : a.keySet()) {
            if (!b.containsKey(gone)) {
                out.add(new MethodChange(gone, "removed"));
            }
        }
        return out;
    }

    static List<ValueChange> environment(String from, String to) {
        Map<String, String> a = new LinkedHashMap<>();
        Metadata.flatten(from).forEach(e -> a.put(e.getKey(), e.getValue()));
        Map<String, String> b = new LinkedHashMap<>();
        Metadata.flatten(to).forEach(e -> b.put(e.getKey(), e.getValue()));
        List<ValueChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!Objects.equals(a.get(e.getKey()), e.getValue())) {
                out.add(new ValueChange(e.getKey(), a.get(e.getKey()), e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(new ValueChange(e.getKey(), e.getValue(), null));
            }
        }
        return out;
    }
}
