package org.bighummingbird.sdk.internal.fingerprint;

import java.util.List;

/**
 * A model's declared signature: parameter and return types with generics when the class files hold
 * them (see {@link SignatureResolver}); never taken from the source text, so that it is the same
 * wherever the program runs.
 *
 * @param parameterTypes binary type names of the parameters, with type arguments
 *     ({@code java.util.List<java.lang.String>})
 * @param returnType binary type name of the output, with type arguments
 * @param source where the generic types came from: {@code method} (the referenced method's
 *     Signature attribute), {@code local} (the generic type of the variable or field trace()'s
 *     result went into, or of the method that returns it) or {@code erased}
 * @param erased whether the types are erased ones, generics unknown
 */
public record Signature(List<String> parameterTypes, String returnType, String source, boolean erased) {
    public Signature {
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The part of the version key the signature contributes. */
    String keyText() {
        return String.join(",", parameterTypes) + "->" + returnType;
    }
}
