package org.bighummingbird.sdk.internal.fingerprint;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Digests one method and, recursively, the application code it reaches. One instance serves one
 * fingerprint: it remembers digests already made and the application methods it visited (for the
 * code listing) and the library jars it touched (for version metadata).
 *
 * <p>What goes in: opcodes, operands, constants, jump structure (labels renumbered by position),
 * try/catch structure; calls into libraries by owner, name and descriptor; calls, lambdas and
 * constructors of application code by the digest of their target, never by their names — so that
 * javac's synthetic lambda names and the class a method lives in cannot matter. Field accesses on
 * application classes are keyed by field name and type, and static final fields by their value when
 * it is a plain value, else also by the class initialiser's code that computes it. Debug attributes
 * and frames never get here (see {@link ClassFiles}).
 *
 * <p>Anonymous and local classes, which javac numbers like lambdas, stand for the digest of their
 * code wherever they appear (see {@link LocalClasses}).
 */
final class MethodDigester {
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final AppScope apps;
    private final ClassLoader loader;
    private final ValueDigest values;
    private final Map<MethodRef, String> done = new HashMap<>();
    private final Deque<MethodRef> stack = new ArrayDeque<>();
    private final Set<MethodRef> visited = new LinkedHashSet<>();
    private final Set<String> libraryJars = new LinkedHashSet<>();
    private final Set<String> initializing = new HashSet<>();
    private final LocalClasses locals;

    /**
     * @param apps what is application code for the model being fingerprinted
     * @param lambdaFingerprint the code fingerprint of a captured serializable lambda
     */
    MethodDigester(AppScope apps, Function<Serializable, String> lambdaFingerprint) {
        this.apps = apps;
        this.loader = apps.loader();
        this.locals = new LocalClasses(apps, this::digest);
        this.values = new ValueDigest(lambdaFingerprint, locals::className);
    }

    /** What is application code for the model being fingerprinted. */
    AppScope scope() {
        return apps;
    }

    /** The token of a captured or constant value (see {@link ValueDigest}). */
    String value(Object value) {
        return values.of(value);
    }

    /** Application methods whose code went into the digest, in the order first reached. */
    List<MethodRef> visited() {
        return new ArrayList<>(visited);
    }

    /** Jar paths of the libraries the code calls into. */
    Set<String> libraryJars() {
        return libraryJars;
    }

    /** The digest of a method: its code when it is application code, else its coordinates. */
    String digest(MethodRef ref) {
        if (!apps.isApp(ref.owner())) {
            return library(ref);
        }
        String cached = done.get(ref);
        if (cached != null) {
            return cached;
        }
        int depth = 0;
        for (MethodRef onStack : stack) {
            if (onStack.equals(ref)) {
                return "cycle:" + depth;
            }
            depth++;
        }
        Resolved target = resolve(ref);
        if (target == null) {
            return library(ref);
        }
        stack.push(ref);
        try {
            String digest = digestBody(target);
            done.put(ref, digest);
            return digest;
        } finally {
            stack.pop();
        }
    }

    private String library(MethodRef ref) {
        String jar = AppClasses.jarOf(loader, ref.owner());
        if (jar != null) {
            libraryJars.add(jar);
        }
        return "lib:" + ref.owner() + "." + ref.name() + ref.desc();
    }

    private record Resolved(ClassNode owner, MethodNode method) {}

    /** Finds the declaration a call resolves to, walking up application superclasses and interfaces. */
    private Resolved resolve(MethodRef ref) {
        Deque<String> todo = new ArrayDeque<>();
        todo.add(ref.owner());
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String owner = todo.poll();
            if (!seen.add(owner) || !apps.isApp(owner)) {
                continue;
            }
            ClassNode node = ClassFiles.code(loader, owner);
            if (node == null) {
                continue;
            }
            MethodNode method = ClassFiles.method(node, ref.name(), ref.desc());
            if (method != null) {
                return new Resolved(node, method);
            }
            if (node.superName != null) {
                todo.add(node.superName);
            }
            todo.addAll(node.interfaces);
        }
        return null;
    }

    private String digestBody(Resolved target) {
        MethodNode m = target.method();
        visited.add(new MethodRef(target.owner().name, m.name, m.desc));
        DigestSink out = new DigestSink();
        out.put("method").put(m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_ABSTRACT
                | Opcodes.ACC_NATIVE)).put(locals.descriptor(m.desc));
        if (m.instructions.size() == 0) {
            return out.put("no-code").hex();
        }
        Map<LabelNode, Integer> labels = Labels.numbered(m.instructions.getFirst(), m.instructions.getLast(),
                m.tryCatchBlocks);
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            instruction(out, insn, labels);
        }
        for (TryCatchBlockNode block : m.tryCatchBlocks) {
            out.put("try").put(labels.get(block.start)).put(labels.get(block.end)).put(labels.get(block.handler))
                    .put(block.type == null ? "null" : locals.typeName(block.type));
        }
        return out.hex();
    }

    private void instruction(DigestSink out, AbstractInsnNode insn, Map<LabelNode, Integer> labels) {
        if (insn instanceof LabelNode label) {
            Integer n = labels.get(label);
            if (n != null) {
                out.put("L").put(n);
            }
            return;
        }
        int op = insn.getOpcode();
        if (op < 0) {
            return; // line numbers and frames, should any survive
        }
        if ((op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH) && enumSwitch(out, insn, labels)) {
            return;
        }
        out.put(op);
        if (insn instanceof MethodInsnNode call) {
            out.put(digest(new MethodRef(call.owner, call.name, call.desc)));
        } else if (insn instanceof FieldInsnNode field) {
            field(out, field);
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
            invokeDynamic(out, indy);
        } else if (insn instanceof VarInsnNode v) {
            out.put(v.var);
        } else if (insn instanceof IntInsnNode i) {
            out.put(i.operand);
        } else if (insn instanceof TypeInsnNode t) {
            out.put(locals.typeName(t.desc));
        } else if (insn instanceof LdcInsnNode ldc) {
            out.put(constant(ldc.cst));
        } else if (insn instanceof IincInsnNode inc) {
            out.put(inc.var).put(inc.incr);
        } else if (insn instanceof JumpInsnNode jump) {
            out.put(labels.get(jump.label));
        } else if (insn instanceof TableSwitchInsnNode t) {
            out.put(t.min).put(t.max).put(labels.get(t.dflt));
            t.labels.forEach(l -> out.put(labels.get(l)));
        } else if (insn instanceof LookupSwitchInsnNode l) {
            out.put(labels.get(l.dflt));
            l.keys.forEach(out::put);
            l.labels.forEach(x -> out.put(labels.get(x)));
        } else if (insn instanceof MultiANewArrayInsnNode a) {
            out.put(locals.descriptor(a.desc)).put(a.dims);
        }
    }

    /**
     * A switch over an enum, by the constant names that lead to each case rather than javac's case
     * numbers (see {@link EnumSwitches}); keys that lead to the default are left out, as they mean
     * nothing else. False when this is no such switch.
     */
    private boolean enumSwitch(DigestSink out, AbstractInsnNode insn, Map<LabelNode, Integer> labels) {
        Map<Integer, String> names = EnumSwitches.caseNames(insn, loader);
        if (names == null) {
            return false;
        }
        LabelNode dflt;
        Map<Integer, LabelNode> cases = new HashMap<>();
        if (insn instanceof TableSwitchInsnNode t) {
            dflt = t.dflt;
            for (int i = 0; i < t.labels.size(); i++) {
                cases.put(t.min + i, t.labels.get(i));
            }
        } else {
            LookupSwitchInsnNode l = (LookupSwitchInsnNode) insn;
            dflt = l.dflt;
            for (int i = 0; i < l.keys.size(); i++) {
                cases.put(l.keys.get(i), l.labels.get(i));
            }
        }
        Map<String, Integer> byName = new TreeMap<>();
        cases.forEach((key, label) -> {
            if (label != dflt) {
                byName.put(names.getOrDefault(key, "#" + key), labels.get(label));
            }
        });
        out.put("enum-switch").put(labels.get(dflt));
        byName.forEach((name, label) -> out.put(name).put(label));
        return true;
    }

    private void field(DigestSink out, FieldInsnNode field) {
        if (!apps.isApp(field.owner)) {
            out.put(field.owner).put(field.name).put(field.desc);
            return;
        }
        out.put("app-field").put(locals.fieldName(field)).put(locals.descriptor(field.desc));
        // a switch map's numbers depend on other switches in the class: enumSwitch covers what it
        // means; $assertionsDisabled says whether the JVM runs with -ea: configuration, not code
        if (field.getOpcode() == Opcodes.GETSTATIC && !EnumSwitches.isSwitchMap(field)
                && !(field.name.equals("$assertionsDisabled") && field.desc.equals("Z"))) {
            String value = staticFinalValue(field);
            if (value != null) {
                out.put(value);
            }
        }
    }

    /**
     * The value of a static final application field, when it is a plain value. Non-final statics are
     * state, not code, and stay uncovered (documented).
     */
    private String staticFinalValue(FieldInsnNode insn) {
        ClassNode owner = ClassFiles.code(loader, insn.owner);
        if (owner == null) {
            return null;
        }
        for (FieldNode f : owner.fields) {
            if (f.name.equals(insn.name) && f.desc.equals(insn.desc)) {
                if ((f.access & Opcodes.ACC_STATIC) == 0 || (f.access & Opcodes.ACC_FINAL) == 0) {
                    return null;
                }
                if (f.value != null) {
                    return "const:" + constant(f.value);
                }
                String value = reflectValue(insn);
                return ValueDigest.isPlain(value) ? "value:" + value
                        : "value:" + value + " init:" + initializer(owner, insn);
            }
        }
        return null;
    }

    /**
     * The code that computes a static final field whose value is not a plain value (a compiled
     * Pattern, a configured ObjectMapper, a Comparator lambda): the class initialiser's
     * instructions after the previous assignment of a static field of the class, up to this one's.
     */
    private String initializer(ClassNode owner, FieldInsnNode field) {
        String key = owner.name + "." + field.name;
        MethodNode clinit = ClassFiles.method(owner, "<clinit>", "()V");
        if (clinit == null || !initializing.add(key)) {
            return "none";
        }
        try {
            AbstractInsnNode put = clinit.instructions.getFirst();
            while (put != null && !(isPutStatic(put, owner) && ((FieldInsnNode) put).name.equals(field.name))) {
                put = put.getNext();
            }
            if (put == null) {
                return "none";
            }
            AbstractInsnNode first = put.getPrevious();
            while (first != null && !isPutStatic(first, owner)) {
                first = first.getPrevious();
            }
            first = first == null ? clinit.instructions.getFirst() : first.getNext();
            Map<LabelNode, Integer> labels = Labels.numbered(first, put, List.of());
            DigestSink out = new DigestSink();
            for (AbstractInsnNode insn = first; insn != null; insn = insn == put ? null : insn.getNext()) {
                instruction(out, insn, labels);
            }
            return out.hex();
        } finally {
            initializing.remove(key);
        }
    }

    private static boolean isPutStatic(AbstractInsnNode insn, ClassNode owner) {
        return insn.getOpcode() == Opcodes.PUTSTATIC && ((FieldInsnNode) insn).owner.equals(owner.name);
    }

    private String reflectValue(FieldInsnNode insn) {
        try {
            Class<?> type = Class.forName(insn.owner.replace('/', '.'), true, loader);
            Field f = type.getDeclaredField(insn.name);
            if (!Modifier.isStatic(f.getModifiers())) {
                return "opaque:not-static";
            }
            f.setAccessible(true);
            return values.of(f.get(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "opaque:unreadable";
        }
    }

    private void invokeDynamic(DigestSink out, InvokeDynamicInsnNode indy) {
        out.put(indy.name).put(locals.descriptor(indy.desc));
        if (LAMBDA_METAFACTORY.equals(indy.bsm.getOwner())) {
            out.put("lambda");
        } else {
            out.put(handle(indy.bsm));
        }
        for (Object arg : indy.bsmArgs) {
            out.put(constant(arg));
        }
    }

    private String handle(Handle h) {
        return "handle:" + h.getTag() + ":" + digest(new MethodRef(h.getOwner(), h.getName(), h.getDesc()));
    }

    private String constant(Object cst) {
        if (cst instanceof String s) {
            return "str:" + s;
        }
        if (cst instanceof Type t) {
            return "type:" + locals.descriptor(t.getDescriptor());
        }
        if (cst instanceof Handle h) {
            return handle(h);
        }
        if (cst instanceof ConstantDynamic dynamic) {
            StringBuilder s = new StringBuilder("condy:").append(dynamic.getName()).append(dynamic.getDescriptor())
                    .append(handle(dynamic.getBootstrapMethod()));
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                s.append(',').append(constant(dynamic.getBootstrapMethodArgument(i)));
            }
            return s.toString();
        }
        return cst.getClass().getSimpleName() + ":" + cst;
    }
}
