package org.bighummingbird.sdk.internal.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Names;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.internal.capsule.CapsuleKeeper;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.export.Json;
import org.bighummingbird.sdk.internal.export.ModelIdentity;
import org.bighummingbird.sdk.internal.export.PendingVersion;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;
import org.bighummingbird.sdk.internal.fingerprint.Fingerprint;
import org.bighummingbird.sdk.internal.fingerprint.Fingerprinter;
import org.bighummingbird.sdk.internal.fingerprint.Signature;

/**
 * Turns a function into a traced model: validates the name, fingerprints the code on the caller's
 * thread (configuration time) and queues the version for background registration. Thread-safe.
 */
public final class Tracer {
    private final String project;
    private final Fingerprinter fingerprinter;
    private final Exporter exporter;
    private final WallClock clock;
    private final long tagTimeoutMs;
    private final Map<String, PendingVersion> versions = new ConcurrentHashMap<>();
    /** Where new versions' capsules are captured and stored, or null for none. */
    private volatile CapsuleKeeper capsules;

    /** A tracer for {@code project}'s models, whose runs start at the system's wall-clock time. */
    public Tracer(String project, Fingerprinter fingerprinter, Exporter exporter, Duration tagTimeout) {
        this(project, fingerprinter, exporter, tagTimeout, new WallClock());
    }

    Tracer(String project, Fingerprinter fingerprinter, Exporter exporter, Duration tagTimeout, WallClock clock) {
        this.project = project;
        this.fingerprinter = fingerprinter;
        this.exporter = exporter;
        this.tagTimeoutMs = tagTimeout.toMillis();
        this.clock = clock;
    }

    /** Captures and stores the capsule of every version first seen from now on through {@code keeper}. */
    public void keepCapsules(CapsuleKeeper keeper) {
        this.capsules = keeper;
    }

    /**
     * Fingerprints {@code fn} and returns the handle its wrapper records calls through.
     *
     * @param name the model's name, or null to name it after the referenced method
     * @param site where the user called trace(), for generic types; may be null
     * @throws IllegalArgumentException when fn is null, is not a lambda or method reference, or is
     *     an unnamed lambda without a name
     * @throws org.bighummingbird.core.InvalidName when the name breaks the naming rules
     */
    public ModelHandle model(String name, Serializable fn, CallSite site) {
        if (fn == null) {
            throw new IllegalArgumentException("fn must not be null");
        }
        if (name != null) {
            Names.requireValid("model name", name);
        }
        Fingerprint fp = fingerprinter.fingerprint(fn, site);
        String modelName = name != null ? name : nameOf(fp);
        ModelIdentity identity = new ModelIdentity(modelName, fp.key(), fp.parameterNames());
        PendingVersion version = versions.computeIfAbsent(modelName + '\u0000' + fp.key(), k -> {
            PendingVersion v = new PendingVersion(modelName, fp.key(), () -> registration(modelName, fp));
            exporter.register(v);
            CapsuleKeeper keeper = capsules;
            if (keeper != null) {
                keeper.keep(v, fn, fp.appCode());
            }
            return v;
        });
        return new ModelHandle(identity, version, exporter, clock, tagTimeoutMs, new ModelHandle.Origin(project, site));
    }

    /** Whether this tracer made {@code handle}, so that its versions belong to this tracer's project. */
    public boolean owns(ModelHandle handle) {
        return handle != null && versions.get(handle.name() + '\u0000' + handle.versionKey()) == handle.version();
    }

    private static String nameOf(Fingerprint fp) {
        if (!fp.named()) {
            throw new IllegalArgumentException("a lambda has no name: call trace(name, fn) with a name for it,"
                    + " or pass a method reference such as Models::predict");
        }
        return Names.requireValid("model name", fp.implName());
    }

    /** Built on the exporter thread: the parts of a registration that are read, not keyed on. */
    private static VersionRegistration registration(String name, Fingerprint fp) {
        String code;
        String kind;
        try {
            String[] rendered = fp.code().render();
            code = rendered[0];
            kind = rendered[1];
        } catch (RuntimeException e) {
            code = "(code text unavailable: " + e + ")";
            kind = "bytecode";
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        try {
            metadata.set("jvm", Environment.jvm());
            metadata.set("git", Environment.git());
            metadata.set("libraries", Environment.libraries(fp.libraryJars()));
        } catch (RuntimeException e) {
            metadata.put("error", "metadata unavailable: " + e);
        }
        return new VersionRegistration(name, fp.key(), fp.codeFingerprint(), signatureJson(fp.signature(),
                fp.parameterNames(), fp.code().spelledParameterTypes()), code, kind, write(metadata));
    }

    private static String signatureJson(Signature s, List<String> names, List<String> spelled) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode params = out.putArray("parameters");
        for (int i = 0; i < s.parameterTypes().size(); i++) {
            ObjectNode p = params.addObject();
            p.put("name", i < names.size() ? names.get(i) : "arg" + i);
            p.put("type", s.parameterTypes().get(i));
        }
        out.put("returns", s.returnType());
        out.put("source", s.source());
        out.put("erased", s.erased());
        if (spelled != null) {
            spelled.forEach(out.putArray("spelledInSource")::add); // display only: not keyed
        }
        return write(out);
    }

    private static String write(ObjectNode node) {
        try {
            return Json.WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
