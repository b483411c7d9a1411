package org.bighummingbird.sdk.internal.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.JudgeUnavailable;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.JudgeSpecs;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.internal.export.Json;
import org.bighummingbird.sdk.internal.fingerprint.Fingerprint;
import org.bighummingbird.sdk.internal.fingerprint.Fingerprinter;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;

/**
 * A project's judges in one SDK instance: registers them (synchronously, on the caller's thread)
 * and makes stored versions runnable. Remembers the code judges it registered, by key, so that
 * their tags can be run here. Thread-safe.
 */
public final class Judges {
    /** First wait before an LLM request is retried; doubled per retry. */
    static final long LLM_BACKOFF_MS = 250;

    private final Catalog catalog;
    private final Fingerprinter fingerprinter;
    private final Map<String, CodeJudge> codeByKey = new ConcurrentHashMap<>();
    private final JudgeRunner runner;

    /** @param catalog where the project's judge versions are registered and found; not closed here */
    public Judges(Catalog catalog, Fingerprinter fingerprinter) {
        this.catalog = catalog;
        this.fingerprinter = fingerprinter;
        this.runner = new JudgeRunner(codeByKey::get, JudgeRunner::setting, LLM_BACKOFF_MS);
    }

    /**
     * Registers a judge and returns its tag.
     *
     * @throws IllegalArgumentException when a code judge's rubric or criterion is not a lambda or
     *     method reference
     * @throws org.bighummingbird.core.InvalidJudgeSpec when a declarative judge's spec could never
     *     run (checked as the server checks it, before anything is sent)
     */
    public String add(String name, String description, JudgeDefinition definition) {
        JudgeRegistration registration;
        if (definition instanceof CodeJudge code) {
            registration = codeRegistration(name, description, code);
        } else {
            Spec spec = (Spec) definition;
            JudgeSpecs.requireValid(spec.kind(), org.bighummingbird.core.CanonicalJson.parse(spec.json()));
            registration = new JudgeRegistration(name, spec.key(), spec.kind(), description, spec.json(), "",
                    metadata());
        }
        String tag = catalog.registerJudge(registration).toString();
        if (definition instanceof CodeJudge code) {
            codeByKey.put(registration.key(), code);
        }
        return tag;
    }

    /**
     * A scorer for the judge version {@code tag} of this project; see {@link Scorer}. Shorthand for
     * {@code scorer(version(tag))}.
     *
     * @throws org.bighummingbird.core.InvalidTag when the tag is malformed
     * @throws JudgeUnavailable when the project has no such judge version, or it cannot run here
     *     (see {@link JudgeRunner#scorer(JudgeVersion)})
     */
    public Scorer scorer(String tag) {
        return runner.scorer(version(tag));
    }

    /**
     * The stored judge version {@code tag} names ({@code name:latest} resolved to the highest), with
     * the store id and tag an evaluation records.
     *
     * @throws org.bighummingbird.core.InvalidTag when the tag is malformed
     * @throws JudgeUnavailable when the project has no such judge version
     */
    public JudgeVersion version(String tag) {
        TagReference ref = TagReference.parse(tag);
        return catalog.judgeVersion(ref)
                .orElseThrow(() -> new JudgeUnavailable("no judge version " + ref + " in this project"));
    }

    /**
     * A scorer for a version read with {@link #version(String)}.
     *
     * @throws JudgeUnavailable when it cannot run in this process (see {@link JudgeRunner#scorer(JudgeVersion)})
     */
    public Scorer scorer(JudgeVersion version) {
        return runner.scorer(version);
    }

    private JudgeRegistration codeRegistration(String name, String description, CodeJudge code) {
        Fingerprint rubric = fingerprinter.fingerprint(code.rubric(), null);
        Fingerprint criterion = code.criterion() == null ? null : fingerprinter.fingerprint(code.criterion(), null);
        String rubricKind = code.seesRow() ? "row" : "output";
        String key = JudgeRegistration.codeKey(rubricKind, rubric.codeFingerprint(),
                criterion == null ? null : criterion.codeFingerprint());
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.put("rubric", rubricKind);
        spec.put("rubricFingerprint", rubric.codeFingerprint());
        ArrayNode params = spec.putArray("rubricParameters");
        for (int i = 0; i < rubric.signature().parameterTypes().size(); i++) {
            String paramName = i < rubric.parameterNames().size() ? rubric.parameterNames().get(i) : "arg" + i;
            params.addObject().put("name", paramName)
                    .put("type", rubric.signature().parameterTypes().get(i));
        }
        if (criterion == null) {
            spec.putNull("criterionFingerprint");
        } else {
            spec.put("criterionFingerprint", criterion.codeFingerprint());
        }
        String text = "// rubric\n" + render(rubric)
                + (criterion == null ? "\n\n// no criterion: the judge only scores"
                        : "\n\n// criterion\n" + render(criterion));
        return new JudgeRegistration(name, key, "code", description, write(spec), text, metadata());
    }

    private static String render(Fingerprint fp) {
        try {
            return fp.code().render()[0];
        } catch (RuntimeException e) {
            return "(code text unavailable: " + e + ")";
        }
    }

    private static String metadata() {
        ObjectNode jvm = JsonNodeFactory.instance.objectNode();
        jvm.putObject("jvm").put("version", System.getProperty("java.version"))
                .put("vendor", System.getProperty("java.vendor"));
        return write(jvm);
    }

    private static String write(ObjectNode node) {
        try {
            return Json.WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
