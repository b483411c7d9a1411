package org.bighummingbird.sdk.internal.fingerprint;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The human-readable code of a version: the source text of every application method the
 * fingerprint covered when the source files are found, else a bytecode listing, and the parameter
 * types the source spells. Built in the background, never keyed on.
 */
public final class CodeText {
    private final ClassLoader loader;
    private final MethodRef root;
    private final List<MethodRef> methods;
    private final SourceFiles sources;
    private final Signature signature;

    CodeText(ClassLoader loader, MethodRef root, List<MethodRef> methods, SourceFiles sources, Signature signature) {
        this.loader = loader;
        this.root = root;
        this.methods = List.copyOf(methods);
        this.sources = sources;
        this.signature = signature;
    }

    /**
     * The model's parameter types as its source spells them ({@code List<String>}), when its class
     * files hold only the erased types and its source is found; else null. For display beside the
     * version, never keyed (see {@link SignatureResolver}).
     */
    public List<String> spelledParameterTypes() {
        if (!signature.erased()) {
            return null;
        }
        try {
            return SpelledTypes.of(sources, loader, root, signature.parameterTypes().size());
        } catch (RuntimeException e) {
            return null; // display only: a source line that cannot be read is no reason to lose the version
        }
    }

    /** The methods, root first. */
    public List<MethodRef> methods() {
        return methods;
    }

    /**
     * The code text and its kind.
     *
     * @return {@code [text, kind]} with kind {@code source} when every method's source was found,
     *     else {@code bytecode}
     */
    public String[] render() {
        if (methods.isEmpty()) {
            return new String[] {"// " + root + " (library code)", "bytecode"};
        }
        StringBuilder text = new StringBuilder();
        boolean allSource = true;
        for (MethodRef m : methods) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append("// ").append(label(m)).append('\n');
            String snippet = sources.snippet(loader, m.owner(), m.name(), m.desc());
            if (snippet == null) {
                allSource = false;
                snippet = listing(m);
            }
            text.append(snippet);
        }
        return new String[] {text.toString(), allSource ? "source" : "bytecode"};
    }

    private static String label(MethodRef m) {
        String owner = m.owner().replace('/', '.');
        return m.name().startsWith("lambda$") ? "lambda in " + owner : owner + "." + m.name() + m.desc();
    }

    private String listing(MethodRef ref) {
        ClassNode node = ClassFiles.code(loader, ref.owner());
        MethodNode method = ClassFiles.method(node, ref.name(), ref.desc());
        if (method == null) {
            return "(class file not found)";
        }
        Textifier textifier = new Textifier();
        method.accept(new TraceMethodVisitor(textifier));
        StringWriter out = new StringWriter();
        textifier.print(new PrintWriter(out));
        return out.toString().stripTrailing();
    }
}
