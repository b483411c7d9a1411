package org.bighummingbird.sdk.internal.fingerprint;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Fingerprints serializable lambdas and method references: models, and later judges. Thread-safe;
 * class files are cached per class loader, so a warm JVM fingerprints a model in well under a
 * millisecond plus the ASM parse of classes it has not seen.
 */
public final class Fingerprinter {
    private static final String VERSION = "bhb-fingerprint-1";

    private final AppClasses apps;
    private final SourceFiles sources;

    /**
     * @param apps what counts as application code besides each model's own jar or directory
     * @param sources where the source text shown beside a version is looked up; never keyed on
     */
    public Fingerprinter(AppClasses apps, SourceFiles sources) {
        this.apps = apps;
        this.sources = sources;
    }

    /**
     * Fingerprints a model.
     *
     * @param fn a serializable lambda or method reference
     * @param site where trace() was called, to find generic types; may be null
     * @throws IllegalArgumentException when {@code fn} is not a lambda or method reference
     */
    public Fingerprint fingerprint(Serializable fn, CallSite site) {
        SerializedLambda lambda = Lambdas.serialized(fn);
        ClassLoader loader = loaderOf(fn);
        MethodDigester digester = digester(lambda, loader);
        String code = codeFingerprint(lambda, digester);
        Signature signature = SignatureResolver.resolve(lambda, loader, site);
        int arity = signature.parameterTypes().size();
        CodeText text = new CodeText(loader, implRef(lambda), digester.visited(), sources, signature);
        return new Fingerprint(lambda.getImplMethodName(), !Lambdas.isSynthetic(lambda), code, signature,
                parameterNames(lambda, loader, arity), text, digester.libraryJars(), appCode(lambda, digester));
    }

    private static AppCode appCode(SerializedLambda lambda, MethodDigester digester) {
        java.util.Set<String> walked = new java.util.LinkedHashSet<>();
        walked.add(lambda.getImplClass());
        walked.add(lambda.getCapturingClass().replace('.', '/'));
        for (MethodRef m : digester.visited()) {
            walked.add(m.owner());
        }
        return new AppCode(digester.scope(), walked);
    }

    /** The code fingerprint alone, as used for captured lambdas and judges' rubrics. */
    public String codeFingerprint(Serializable fn) {
        SerializedLambda lambda = Lambdas.serialized(fn);
        return codeFingerprint(lambda, digester(lambda, loaderOf(fn)));
    }

    /**
     * A digester for one lambda: the jar or directory of the class that implements it counts as
     * application code, so its helpers there are covered by their code however the program is run.
     */
    private MethodDigester digester(SerializedLambda lambda, ClassLoader loader) {
        return new MethodDigester(apps.scope(loader, lambda.getImplClass()), this::codeFingerprint);
    }

    private String codeFingerprint(SerializedLambda lambda, MethodDigester digester) {
        DigestSink out = new DigestSink().put(VERSION)
                .put(lambda.getImplMethodKind())
                .put(lambda.getFunctionalInterfaceMethodName())
                .put(lambda.getInstantiatedMethodType())
                .put(digester.digest(implRef(lambda)));
        boolean receiverCaptured = isInstance(lambda.getImplMethodKind());
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            Object arg = lambda.getCapturedArg(i);
            if (i == 0 && receiverCaptured && !ValueDigest.isLambda(arg)) {
                // a captured this (or a bound receiver): its state is not covered, by design
                out.put("receiver");
            } else {
                out.put(digester.value(arg));
            }
        }
        return out.hex();
    }

    private static ClassLoader loaderOf(Serializable fn) {
        ClassLoader loader = fn.getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    private static MethodRef implRef(SerializedLambda lambda) {
        return new MethodRef(lambda.getImplClass(), lambda.getImplMethodName(), lambda.getImplMethodSignature());
    }

    private static boolean isInstance(int kind) {
        return kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeInterface
                || kind == MethodHandleInfo.REF_invokeSpecial;
    }

    /** Names of the model's parameters, from MethodParameters, else the local variable table, else argN. */
    private static List<String> parameterNames(SerializedLambda lambda, ClassLoader loader, int arity) {
        String desc = lambda.getImplMethodSignature();
        Type[] args = Type.getArgumentTypes(desc);
        MethodNode m = ClassFiles.method(ClassFiles.debug(loader, lambda.getImplClass()), lambda.getImplMethodName(),
                desc);
        boolean isStatic = m != null ? (m.access & Opcodes.ACC_STATIC) != 0
                : lambda.getImplMethodKind() == MethodHandleInfo.REF_invokeStatic;
        List<String> names = new ArrayList<>();
        if (isInstance(lambda.getImplMethodKind()) && lambda.getCapturedArgCount() == 0) {
            names.add("self");
        }
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < args.length; i++) {
            names.add(nameOf(m, i, slot));
            slot += args[i].getSize();
        }
        List<String> model = new ArrayList<>(names.subList(Math.max(0, names.size() - arity), names.size()));
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i) == null) {
                model.set(i, "arg" + i);
            }
        }
        while (model.size() < arity) {
            model.add("arg" + model.size());
        }
        return model;
    }

    private static String nameOf(MethodNode m, int index, int slot) {
        if (m == null) {
            return null;
        }
        if (m.parameters != null && index < m.parameters.size() && m.parameters.get(index).name != null) {
            return m.parameters.get(index).name;
        }
        if (m.localVariables == null) {
            return null;
        }
        LocalVariableNode best = null;
        for (LocalVariableNode local : m.localVariables) {
            if (local.index == slot && (best == null
                    || m.instructions.indexOf(local.start) < m.instructions.indexOf(best.start))) {
                best = local;
            }
        }
        return best == null ? null : best.name;
    }
}
