package org.bighummingbird.sdk.internal.fingerprint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * How classes are named in a digest. javac names anonymous and local classes after their position
 * in the enclosing class ({@code Main$1}, {@code Main$1Helper}), just as it numbers lambdas, so an
 * unrelated anonymous class added above would rename them, and their names say nothing about their
 * code. Such an application class (one with an EnclosingMethod attribute) therefore stands for the
 * digest of its code, wherever it appears: instantiated, cast to, in a descriptor, as the type of a
 * value. The fields javac gives it for captured variables ({@code val$prompt}) are named by position,
 * as local variable names must not matter. Hidden classes are named by their supertypes. Every
 * other class is named by its name. One instance serves one {@link MethodDigester}; cycle-safe.
 */
final class LocalClasses {
    private static final String CAPTURED_FIELD = "val$";

    private final AppScope apps;
    private final ClassLoader loader;
    private final Function<MethodRef, String> methodDigest;
    private final Map<String, String> done = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();

    /**
     * @param methodDigest the digest of a method's code, as {@link MethodDigester#digest} makes it
     */
    LocalClasses(AppScope apps, Function<MethodRef, String> methodDigest) {
        this.apps = apps;
        this.loader = apps.loader();
        this.methodDigest = methodDigest;
    }

    /** A class by its internal name (or an array type by its descriptor). */
    String typeName(String internalName) {
        if (internalName.startsWith("[")) {
            return descriptor(internalName);
        }
        ClassNode local = localClass(internalName);
        return local == null ? internalName : digest(local);
    }

    /**
     * A class as {@link ValueDigest} names the type of a value: its Java name, or its code; a hidden
     * class (a lambda that is not serializable) by the types it implements, as its name holds a
     * counter and an address that differ from one JVM to the next.
     */
    String className(Class<?> type) {
        if (type.isHidden()) {
            List<String> supertypes = new ArrayList<>();
            for (Class<?> i : type.getInterfaces()) {
                supertypes.add(className(i));
            }
            supertypes.sort(null);
            return "hidden:" + className(type.getSuperclass()) + supertypes;
        }
        ClassNode local = type.isArray() ? null : localClass(Type.getInternalName(type));
        return local == null ? type.getName() : digest(local);
    }

    /** A method or field descriptor, with the local classes in it standing for their code. */
    String descriptor(String desc) {
        if (desc.indexOf('$') < 0) {
            return desc; // no nested class at all: the common case, kept cheap
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < desc.length()) {
            char c = desc.charAt(i);
            if (c == 'L') {
                int end = desc.indexOf(';', i);
                String name = desc.substring(i + 1, end);
                ClassNode local = localClass(name);
                out.append(local == null ? "L" + name + ";" : "{" + digest(local) + "}");
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The name of an accessed field: captured-variable fields of local classes by position. */
    String fieldName(FieldInsnNode field) {
        ClassNode local = localClass(field.owner);
        return local == null ? field.name : fieldName(local, field.name);
    }

    private ClassNode localClass(String internalName) {
        if (internalName.indexOf('$') < 0 || !apps.isApp(internalName)) {
            return null;
        }
        ClassNode node = ClassFiles.code(loader, internalName);
        return node != null && node.outerClass != null ? node : null;
    }

    /** Its supertypes, its fields and every method's code; not its name nor the order of members. */
    private String digest(ClassNode node) {
        String cached = done.get(node.name);
        if (cached != null) {
            return cached;
        }
        int depth = 0;
        for (String onStack : stack) {
            if (onStack.equals(node.name)) {
                return "class-cycle:" + depth;
            }
            depth++;
        }
        stack.push(node.name);
        try {
            DigestSink out = new DigestSink().put("local-class").put(node.access & Opcodes.ACC_INTERFACE)
                    .put(node.superName == null ? "none" : typeName(node.superName));
            node.interfaces.stream().map(this::typeName).sorted().forEach(out::put);
            List<String> members = new ArrayList<>();
            for (FieldNode f : node.fields) {
                members.add("field " + (f.access & Opcodes.ACC_STATIC) + " " + fieldName(node, f.name) + " "
                        + descriptor(f.desc));
            }
            for (MethodNode m : node.methods) {
                members.add("method " + m.name + descriptor(m.desc) + "="
                        + methodDigest.apply(new MethodRef(node.name, m.name, m.desc)));
            }
            members.sort(null);
            members.forEach(out::put);
            String digest = out.hex();
            done.put(node.name, digest);
            return digest;
        } finally {
            stack.pop();
        }
    }

    private static String fieldName(ClassNode local, String name) {
        if (!name.startsWith(CAPTURED_FIELD)) {
            return name;
        }
        int position = 0;
        for (FieldNode f : local.fields) {
            if (f.name.equals(name)) {
                return "captured#" + position;
            }
            if (f.name.startsWith(CAPTURED_FIELD)) {
                position++;
            }
        }
        return name;
    }
}
