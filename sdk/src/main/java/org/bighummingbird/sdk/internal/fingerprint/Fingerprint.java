package org.bighummingbird.sdk.internal.fingerprint;

import java.util.List;
import java.util.Set;
import org.bighummingbird.core.Hashing;

/**
 * What {@link Fingerprinter} learns of a lambda or method reference at trace() time.
 *
 * @param implName the implementing method's name: the model's name for a method reference
 * @param named whether the implementation is a named method (a method reference) rather than a lambda
 * @param codeFingerprint SHA-256 hex of the normalised code
 * @param signature the declared signature
 * @param parameterNames the model parameters' names ({@code arg0}… when the class file has none)
 * @param code where the code text comes from, read later in the background
 * @param libraryJars paths of the jars whose code the model calls
 * @param appCode the application classes walked, where a capsule starts
 */
public record Fingerprint(
        String implName,
        boolean named,
        String codeFingerprint,
        Signature signature,
        List<String> parameterNames,
        CodeText code,
        Set<String> libraryJars,
        AppCode appCode) {

    /** The identity key: the code fingerprint with the declared signature. */
    public String key() {
        return Hashing.sha256Hex(codeFingerprint + "|" + signature.keyText());
    }
}
