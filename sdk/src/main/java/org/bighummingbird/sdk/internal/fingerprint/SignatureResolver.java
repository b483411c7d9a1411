package org.bighummingbird.sdk.internal.fingerprint;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds a model's declared signature, keyed as part of its version. It is read from class files
 * only, so it is the same whatever the working directory, whether the classes come from a directory
 * or a jar, and on any JVM. javac erases generics from a lambda's synthetic method, so they come
 * from, in order: the referenced method's Signature attribute (method references); the generic type
 * of what receives trace()'s result at the call site — the local variable (its
 * LocalVariableTypeTable entry, written by {@code javac -g}), the field (its Signature attribute) or
 * the method that returns it (its Signature attribute); else the erased types, marked erased. Types
 * are binary names with their type arguments ({@code java.util.List<java.lang.String>}).
 *
 * <p>Never from the source text: it is found only when the program runs where its sources are, so a
 * key taken from it would change with the working directory. What the source spells is shown beside
 * the version instead (see {@link SpelledTypes}).
 */
final class SignatureResolver {
    private SignatureResolver() {}

    static Signature resolve(SerializedLambda lambda, ClassLoader loader, CallSite site) {
        Type erased = Type.getMethodType(lambda.getInstantiatedMethodType());
        if (!Lambdas.isSynthetic(lambda)) {
            Signature s = fromReferencedMethod(lambda, loader, erased);
            if (s != null) {
                return s;
            }
        }
        Signature s = fromCallSite(site, erased.getArgumentTypes().length);
        return s != null ? s : erasedSignature(erased);
    }

    static Signature erasedSignature(Type erased) {
        List<String> params = new ArrayList<>();
        for (Type t : erased.getArgumentTypes()) {
            params.add(t.getClassName());
        }
        return new Signature(params, erased.getReturnType().getClassName(), "erased", true);
    }

    private static Signature fromReferencedMethod(SerializedLambda lambda, ClassLoader loader, Type erased) {
        String owner = lambda.getImplClass();
        MethodNode target = ClassFiles.method(ClassFiles.code(loader, owner), lambda.getImplMethodName(),
                lambda.getImplMethodSignature());
        if (target == null) {
            return null;
        }
        List<String> declared = declaredTypes(target);
        List<String> params = new ArrayList<>();
        int kind = lambda.getImplMethodKind();
        boolean instance = kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeInterface
                || kind == MethodHandleInfo.REF_invokeSpecial;
        if (instance && lambda.getCapturedArgCount() == 0) {
            params.add(Type.getObjectType(owner).getClassName()); // an unbound receiver is the first parameter
        }
        params.addAll(declared.subList(0, declared.size() - 1));
        int skip = params.size() - erased.getArgumentTypes().length;
        if (skip < 0) {
            return null;
        }
        String returns = target.name.equals("<init>") ? Type.getObjectType(owner).getClassName()
                : declared.get(declared.size() - 1);
        return new Signature(params.subList(skip, params.size()), returns, "method", false);
    }

    /** Parameter types then return type: from the Signature attribute when the method has one, else its descriptor. */
    private static List<String> declaredTypes(MethodNode m) {
        Type[] args = Type.getArgumentTypes(m.desc);
        if (m.signature != null) {
            try {
                List<String> generic = TypeSignatures.methodTypes(m.signature);
                // javac leaves synthetic parameters (an inner class's outer instance) out of Signature
                if (generic.size() == args.length + 1) {
                    return generic;
                }
            } catch (RuntimeException e) {
                // a malformed Signature attribute: the descriptor still says what the types are
            }
        }
        List<String> types = new ArrayList<>();
        for (Type t : args) {
            types.add(t.getClassName());
        }
        types.add(Type.getReturnType(m.desc).getClassName());
        return types;
    }

    /**
     * The generic type of what receives the trace() call's result: the local variable or field it is
     * stored into, or the declared return type of the method that returns it (a factory method). The
     * call is found by its bytecode index, so this works without line numbers.
     */
    private static Signature fromCallSite(CallSite site, int arity) {
        if (site == null || site.bytecodeIndex() < 0) {
            return null;
        }
        ClassLoader loader = site.declaringClass().getClassLoader();
        String owner = Type.getInternalName(site.declaringClass());
        ClassNode node = ClassFiles.debug(loader, owner);
        MethodNode method = ClassFiles.method(node, site.methodName(), site.descriptor());
        byte[] bytes = method == null ? null : ClassFiles.bytes(loader, owner);
        if (bytes == null) {
            return null;
        }
        MethodInsnNode call = invoke(method, InvokeAt.ordinal(bytes, site.methodName(), site.descriptor(),
                site.bytecodeIndex()));
        if (call == null || !call.name.equals("trace")
                || !Type.getReturnType(call.desc).getInternalName().startsWith("org/bighummingbird/Fn")) {
            return null;
        }
        String generic = storedType(node, method, call, loader);
        if (generic != null && generic.startsWith("L")) { // a class type, not a type variable
            List<String> args = TypeSignatures.typeArguments(generic);
            if (args.size() == arity + 1) {
                return new Signature(args.subList(0, arity), args.get(arity), "local", false);
            }
        }
        return null;
    }

    /** The method's {@code ordinal}-th call instruction (invokedynamic aside), or null. */
    private static MethodInsnNode invoke(MethodNode method, int ordinal) {
        int seen = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null && ordinal >= 0;
                insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && seen++ == ordinal) {
                return call;
            }
        }
        return null;
    }

    private static String storedType(ClassNode node, MethodNode method, MethodInsnNode call, ClassLoader loader) {
        AbstractInsnNode next = call.getNext();
        while (next != null && (next.getOpcode() == Opcodes.CHECKCAST || next.getOpcode() < 0)) {
            next = next.getNext();
        }
        if (next instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE) {
            if (method.localVariables == null) {
                return null; // compiled without -g: no local variable table, the local's type is unknown
            }
            int storeIndex = method.instructions.indexOf(store);
            LocalVariableNode best = null;
            for (LocalVariableNode local : method.localVariables) {
                int start = method.instructions.indexOf(local.start);
                if (local.index == store.var && start > storeIndex
                        && (best == null || start < method.instructions.indexOf(best.start))) {
                    best = local;
                }
            }
            return best == null ? null : best.signature;
        }
        if (next != null && next.getOpcode() == Opcodes.ARETURN) {
            return returnType(method.signature);
        }
        if (next instanceof FieldInsnNode put
                && (put.getOpcode() == Opcodes.PUTFIELD || put.getOpcode() == Opcodes.PUTSTATIC)) {
            ClassNode owner = put.owner.equals(node.name) ? node : ClassFiles.debug(loader, put.owner);
            if (owner != null) {
                for (FieldNode f : owner.fields) {
                    if (f.name.equals(put.name)) {
                        return f.signature;
                    }
                }
            }
        }
        return null;
    }

    /** The return type part of a generic method signature, or null for a method without one. */
    private static String returnType(String methodSignature) {
        if (methodSignature == null) {
            return null;
        }
        // type signatures contain neither ')' nor '^': the return type lies between them
        String returns = methodSignature.substring(methodSignature.indexOf(')') + 1);
        int exceptions = returns.indexOf('^');
        return exceptions < 0 ? returns : returns.substring(0, exceptions);
    }
}
