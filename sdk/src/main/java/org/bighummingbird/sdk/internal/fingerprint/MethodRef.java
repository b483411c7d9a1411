package org.bighummingbird.sdk.internal.fingerprint;

/**
 * A method by its JVM coordinates.
 *
 * @param owner internal class name ({@code a/b/C})
 * @param name method name
 * @param desc method descriptor
 */
public record MethodRef(String owner, String name, String desc) {
    @Override
    public String toString() {
        return owner.replace('/', '.') + "." + name + desc;
    }
}
