package org.bighummingbird.internal.fingerprint;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds a model's declared generic signature. javac erases generics from a lambda's synthetic
 * method, so they come from, in order: the referenced method's Signature attribute (method
 * references); the generic type of the local variable or field that receives trace()'s result, or
 * the return type of the method that returns it; the lambda's parameter declarations in the source
 * text; else the erased types, marked erased.
 */
final class SignatureResolver {
    private static final Pattern LAMBDA_PARAMS = Pattern.compile("\\(([^()]*)\\)\\s*->");

    private SignatureResolver() {}

    static Signature resolve(SerializedLambda lambda, ClassLoader loader, CallSite site, SourceFiles sources) {
        Type erased = Type.getMethodType(lambda.getInstantiatedMethodType());
        if (!Lambdas.isSynthetic(lambda)) {
            Signature s = fromReferencedMethod(lambda, loader, erased);
            if (s != null) {
                return s;
            }
        }
        Signature s = fromCallSite(site, erased.getArgumentTypes().length);
        if (s != null) {
            return s;
        }
        s = fromSource(lambda, loader, erased, sources);
        if (s != null) {
            return s;
        }
        return erasedSignature(erased);
    }

    static Signature erasedSignature(Type erased) {
        List<String> params = new ArrayList<>();
        for (Type t : erased.getArgumentTypes()) {
            params.add(t.getClassName());
        }
        return new Signature(params, erased.getReturnType().getClassName(), "erased", true);
    }

    private static Signature fromReferencedMethod(SerializedLambda lambda, ClassLoader loader, Type erased) {
        try {
            Class<?> owner = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
            Executable target = find(owner, lambda.getImplMethodName(), lambda.getImplMethodSignature());
            if (target == null) {
                return null;
            }
            List<String> params = new ArrayList<>();
            int kind = lambda.getImplMethodKind();
            boolean instance = kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeInterface
                    || kind == MethodHandleInfo.REF_invokeSpecial;
            if (instance && lambda.getCapturedArgCount() == 0) {
                params.add(owner.getTypeName());
            }
            for (java.lang.reflect.Type t : target.getGenericParameterTypes()) {
                params.add(t.getTypeName());
            }
            int skip = params.size() - erased.getArgumentTypes().length;
            if (skip < 0) {
                return null;
            }
            params = params.subList(skip, params.size());
            String returns = target instanceof Method m ? m.getGenericReturnType().getTypeName() : owner.getTypeName();
            return new Signature(params, returns, "method", false);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static Executable find(Class<?> owner, String name, String desc) {
        if (name.equals("<init>")) {
            for (Constructor<?> c : owner.getDeclaredConstructors()) {
                if (Type.getConstructorDescriptor(c).equals(desc)) {
                    return c;
                }
            }
            return null;
        }
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The generic type of what receives the trace() call's result: the local variable or field it is
     * stored into, or the declared return type of the method that returns it (a factory method).
     */
    private static Signature fromCallSite(CallSite site, int arity) {
        if (site == null || site.lineNumber() < 0) {
            return null;
        }
        ClassLoader loader = site.declaringClass().getClassLoader();
        ClassNode node = ClassFiles.debug(loader, Type.getInternalName(site.declaringClass()));
        MethodNode method = ClassFiles.method(node, site.methodName(), site.descriptor());
        if (method == null) {
            return null;
        }
        boolean onLine = false;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode line) {
                onLine = line.line == site.lineNumber();
            } else if (onLine && insn instanceof MethodInsnNode call && call.name.equals("trace")
                    && Type.getReturnType(call.desc).getInternalName().startsWith("org/bighummingbird/Fn")) {
                String generic = storedType(node, method, call, loader);
                if (generic != null && generic.startsWith("L")) { // a class type, not a type variable
                    List<String> args = TypeSignatures.typeArguments(generic);
                    if (args.size() == arity + 1) {
                        return new Signature(args.subList(0, arity), args.get(arity), "local", false);
                    }
                }
                return null;
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

    /** Explicit lambda parameter types from the source line, with the erased return type. */
    private static Signature fromSource(SerializedLambda lambda, ClassLoader loader, Type erased, SourceFiles sources) {
        String line = sources.firstLine(loader, lambda.getImplClass(), lambda.getImplMethodName(),
                lambda.getImplMethodSignature());
        if (line == null) {
            return null;
        }
        Matcher m = LAMBDA_PARAMS.matcher(line);
        if (!m.find()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (String param : splitTopLevel(m.group(1))) {
            String p = param.trim().replaceAll("^final\\s+", "");
            int space = p.lastIndexOf(' ');
            if (space < 0) {
                return null; // implicitly typed: nothing to learn
            }
            types.add(p.substring(0, space).trim());
        }
        if (types.size() != erased.getArgumentTypes().length) {
            return null;
        }
        return new Signature(types, erased.getReturnType().getClassName(), "source", false);
    }

    private static List<String> splitTopLevel(String params) {
        List<String> out = new ArrayList<>();
        if (params.isBlank()) {
            return out;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(params.substring(start, i));
                start = i + 1;
            }
        }
        out.add(params.substring(start));
        return out;
    }
}
