package org.bighummingbird.server.rest;

import org.bighummingbird.core.VersionRegistration;

/** The body of {@code POST …/versions}: the fields of {@link VersionRegistration}, as sent. */
record RegistrationBody(String modelName, String key, String codeFingerprint, String signatureJson, String code,
        String codeKind, String metadataJson) {

    /** The registration, once every field is checked. */
    VersionRegistration validated() {
        return new VersionRegistration(
                Fields.name("modelName", modelName),
                Fields.id("key", key, Columns.KEY),
                Fields.id("codeFingerprint", codeFingerprint, Columns.KEY),
                Fields.json("signatureJson", signatureJson),
                Fields.required("code", code, Integer.MAX_VALUE),
                Fields.id("codeKind", codeKind, Columns.CODE_KIND),
                Fields.json("metadataJson", metadataJson));
    }
}
