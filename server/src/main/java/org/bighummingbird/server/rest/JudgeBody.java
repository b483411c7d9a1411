package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.bighummingbird.core.CanonicalJson;
import org.bighummingbird.core.InvalidJson;
import org.bighummingbird.core.InvalidJudgeSpec;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.JudgeSpecs;

/**
 * The body of {@code POST …/judges}: the fields of {@link JudgeRegistration} but the key, which the
 * server derives itself from the spec: a declarative judge's key is SHA-256 of {@code specJson}, a
 * code judge's that of its rubric kind and fingerprints ({@link JudgeRegistration#codeKey}). A
 * declarative spec must be one that can run ({@link JudgeSpecs}).
 */
record JudgeBody(String judgeName, String kind, String description, String specJson, String code,
        String metadataJson) {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> RUBRICS = Set.of("output", "row");

    /** The registration, once every field is checked, with the key the server computed. */
    JudgeRegistration validated() {
        String name = Fields.name("judgeName", judgeName);
        String checkedKind = Fields.required("kind", kind, Columns.CODE_KIND);
        if (!JudgeRegistration.KINDS.contains(checkedKind)) {
            throw Fields.invalid("kind must be one of " + String.join(", ", JudgeRegistration.KINDS.stream().sorted()
                    .toList()) + ", got \"" + StrictJson.printable(checkedKind) + "\"");
        }
        String checkedDescription = Fields.required("description", description, MAX_DESCRIPTION);
        String spec = Fields.json("specJson", specJson);
        String checkedCode = Fields.required("code", code, Integer.MAX_VALUE);
        String metadata = Fields.json("metadataJson", metadataJson);
        JsonNode node = specObject(spec);
        String key = checkedKind.equals("code") ? codeKey(node) : declarativeKey(checkedKind, node, spec, checkedCode);
        return new JudgeRegistration(name, key, checkedKind, checkedDescription, spec, checkedCode, metadata);
    }

    /** Longest description, as the SDK's {@code Judge} accepts. */
    static final int MAX_DESCRIPTION = 10_000;

    private static JsonNode specObject(String spec) {
        JsonNode node;
        try {
            node = CanonicalJson.parse(spec);
        } catch (InvalidJson e) {
            throw Fields.invalid("specJson " + e.getMessage());
        }
        if (!node.isObject()) {
            throw Fields.invalid("specJson must hold a JSON object, got " + node.getNodeType().name().toLowerCase());
        }
        return node;
    }

    private static String codeKey(JsonNode spec) {
        String rubric = spec.path("rubric").asText("");
        if (!spec.path("rubric").isTextual() || !RUBRICS.contains(rubric)) {
            throw Fields.invalid("a code judge's specJson.rubric must be \"output\" or \"row\"");
        }
        String rubricFingerprint = fingerprint(spec, "rubricFingerprint", false);
        String criterionFingerprint = fingerprint(spec, "criterionFingerprint", true);
        return JudgeRegistration.codeKey(rubric, rubricFingerprint, criterionFingerprint);
    }

    private static String fingerprint(JsonNode spec, String field, boolean nullable) {
        JsonNode value = spec.get(field);
        if (nullable && value != null && value.isNull()) {
            return null;
        }
        if (value == null || !value.isTextual() || !FINGERPRINT.matcher(value.textValue()).matches()) {
            throw Fields.invalid("a code judge's specJson." + field + " must be 64 lower-case hex digits"
                    + (nullable ? " or null" : ""));
        }
        return value.textValue();
    }

    private static String declarativeKey(String kind, JsonNode spec, String specText, String code) {
        try {
            JudgeSpecs.requireValid(kind, spec);
        } catch (InvalidJudgeSpec e) {
            throw Fields.invalid("specJson." + e.getMessage());
        }
        if (!code.isEmpty()) {
            throw Fields.invalid("code must be empty for a declarative judge (kind " + kind + ")");
        }
        return JudgeRegistration.declarativeKey(specText);
    }
}
