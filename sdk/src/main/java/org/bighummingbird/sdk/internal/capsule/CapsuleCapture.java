package org.bighummingbird.sdk.internal.capsule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.sdk.internal.fingerprint.AppCode;
import org.objectweb.asm.ClassReader;

/**
 * Builds a version's capsule: the application classes the fingerprint walked and every application
 * class their class files name (whatever the depth), with the Java-serialized function. Library
 * classes are left out: their versions are recorded with the version. What cannot be captured makes
 * a capsule that is not runnable, with the reason. Runs in the background; stateless.
 */
public final class CapsuleCapture {
    private CapsuleCapture() {}

    /**
     * A capsule and the class files it names, by SHA-256.
     *
     * @param capsule the capsule
     * @param classFiles the bytes of each class it names, by digest
     */
    public record Captured(Capsule capsule, Map<String, byte[]> classFiles) {}

    /** Captures {@code fn}, whose fingerprint walked {@code code}; never throws. */
    public static Captured capture(Serializable fn, AppCode code) {
        try {
            return classes(fn, code);
        } catch (RuntimeException | LinkageError e) {
            return new Captured(Capsule.notRunnable("the capsule could not be built: " + e), Map.of());
        }
    }

    private static Captured classes(Serializable fn, AppCode code) {
        byte[] function;
        try {
            function = serialize(fn);
        } catch (NotSerializableException e) {
            return notRunnable("a value the function captures is not serializable: " + e.getMessage());
        } catch (IOException e) {
            return notRunnable("the function could not be serialized: " + e);
        }
        long size = function.length;
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Capsule.ClassRef> refs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(code.walked());
        Deque<String> todo = new ArrayDeque<>(code.walked());
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!code.isApp(name)) {
                continue;
            }
            byte[] bytes = read(code.loader(), name);
            if (bytes == null) {
                return notRunnable("the class file of " + name.replace('/', '.') + " cannot be read");
            }
            size += bytes.length;
            if (size > Capsule.MAX_BYTES) {
                return notRunnable("the capsule is larger than " + Capsule.MAX_BYTES + " bytes (16 MiB)");
            }
            String digest = Hashing.hex(Hashing.sha256().digest(bytes));
            files.put(digest, bytes);
            refs.add(new Capsule.ClassRef(name.replace('/', '.'), digest));
            for (String referenced : referencedClasses(bytes)) {
                if (seen.add(referenced)) {
                    todo.add(referenced);
                }
            }
        }
        return new Captured(new Capsule(true, null, function, refs), files);
    }

    private static Captured notRunnable(String reason) {
        return new Captured(Capsule.notRunnable(reason), Map.of());
    }

    private static byte[] serialize(Serializable fn) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(fn);
        }
        return out.toByteArray();
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        URL url = loader.getResource(internalName + ".class");
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern DESCRIPTOR_CLASS = java.util.regex.Pattern.compile("L([^;<>\\[.]+)[;<]");

    /**
     * Every class a class file names: its constant pool's classes, and the classes in its
     * descriptors and signatures (read from every UTF-8 constant; names that are no class are
     * dropped later, as they have no class file).
     */
    static Set<String> referencedClasses(byte[] classFile) {
        Set<String> names = new LinkedHashSet<>();
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = classFile[offset - 1];
            if (tag == CONSTANT_CLASS) {
                String name = reader.readUTF8(offset, buffer);
                if (!name.startsWith("[")) {
                    names.add(name);
                } else {
                    addDescriptorClasses(name, names);
                }
            } else if (tag == CONSTANT_UTF8) {
                String text = utf8(classFile, offset);
                if (text.indexOf(';') >= 0) {
                    addDescriptorClasses(text, names);
                }
            }
        }
        return names;
    }

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;

    private static void addDescriptorClasses(String text, Set<String> names) {
        java.util.regex.Matcher m = DESCRIPTOR_CLASS.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    /** A UTF-8 constant's text (modified UTF-8 reads as UTF-8 for every class name). */
    private static String utf8(byte[] classFile, int offset) {
        int length = ((classFile[offset] & 0xFF) << 8) | (classFile[offset + 1] & 0xFF);
        return new String(classFile, offset + 2, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
