package org.bighummingbird.sdk.internal.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Class files read with ASM, cached per class loader. Code nodes skip debug attributes and frames,
 * so line numbers, local names and stack-map frames can never reach a fingerprint; debug nodes keep
 * them for parameter names, generic local types and source lines.
 */
final class ClassFiles {
    private static final ClassNode MISSING = new ClassNode();
    private static final Map<ClassLoader, Map<String, ClassNode>> CODE = new WeakHashMap<>();
    private static final Map<ClassLoader, Map<String, ClassNode>> DEBUG = new WeakHashMap<>();

    private ClassFiles() {}

    static URL resource(ClassLoader loader, String internalName) {
        ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
        return l.getResource(internalName + ".class");
    }

    /** The class without debug attributes and frames, or null when its bytes cannot be found. */
    static ClassNode code(ClassLoader loader, String internalName) {
        return read(CODE, loader, internalName, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** The class with its debug attributes, or null when its bytes cannot be found. */
    static ClassNode debug(ClassLoader loader, String internalName) {
        return read(DEBUG, loader, internalName, ClassReader.SKIP_FRAMES);
    }

    /** The class file's bytes, read again (not cached: only call sites need them), or null. */
    static byte[] bytes(ClassLoader loader, String internalName) {
        URL url = resource(loader, internalName);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static MethodNode method(ClassNode node, String name, String desc) {
        if (node == null) {
            return null;
        }
        for (MethodNode m : node.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static ClassNode read(Map<ClassLoader, Map<String, ClassNode>> cache, ClassLoader loader,
            String internalName, int flags) {
        Map<String, ClassNode> byName;
        synchronized (cache) {
            byName = cache.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
        ClassNode node = byName.computeIfAbsent(internalName, n -> parse(loader, n, flags));
        return node == MISSING ? null : node;
    }

    private static ClassNode parse(ClassLoader loader, String internalName, int flags) {
        byte[] bytes = bytes(loader, internalName);
        if (bytes == null) {
            return MISSING;
        }
        try {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, flags);
            return node;
        } catch (RuntimeException e) {
            return MISSING;
        }
    }
}
