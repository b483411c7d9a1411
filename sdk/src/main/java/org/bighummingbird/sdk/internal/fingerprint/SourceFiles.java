package org.bighummingbird.sdk.internal.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Source text of application classes, looked up under the working directory's {@code src/*}{@code /java}
 * trees (and those of its direct sub-directories, for multi-module builds). Recorded beside a
 * version for people to read; never part of a fingerprint.
 */
public final class SourceFiles {
    private final Path root;
    private final Map<String, Optional<List<String>>> files = new ConcurrentHashMap<>();
    private List<Path> javaRoots;

    public SourceFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The text of the first line of a method's code, or null. */
    String firstLine(ClassLoader loader, String owner, String name, String desc) {
        int[] range = lines(loader, owner, name, desc);
        List<String> text = text(loader, owner);
        if (range == null || text == null || range[0] > text.size()) {
            return null;
        }
        return text.get(range[0] - 1);
    }

    /** The source lines of a method, or null when the source file is not found. */
    String snippet(ClassLoader loader, String owner, String name, String desc) {
        int[] range = lines(loader, owner, name, desc);
        List<String> text = text(loader, owner);
        if (range == null || text == null || range[1] > text.size()) {
            return null;
        }
        int start = range[0];
        int end = range[1];
        if (!name.startsWith("lambda$")) {
            // a named method's line table starts at its first statement: widen to its declaration
            // and closing brace
            String declared = name.equals("<init>") ? simpleName(owner) : name;
            for (int i = start - 1; i >= Math.max(1, start - 5); i--) {
                if (text.get(i - 1).contains(declared + "(")) {
                    start = i;
                    break;
                }
            }
            if (end < text.size() && text.get(end).trim().equals("}")) {
                end++;
            }
        }
        return String.join("\n", stripIndent(text.subList(start - 1, end)));
    }

    private static String simpleName(String owner) {
        String s = owner.substring(owner.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    private static List<String> stripIndent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.length() >= indent ? l.substring(indent) : l.strip());
        }
        return out;
    }

    private static int[] lines(ClassLoader loader, String owner, String name, String desc) {
        MethodNode m = ClassFiles.method(ClassFiles.debug(loader, owner), name, desc);
        if (m == null) {
            return null;
        }
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode line) {
                min = Math.min(min, line.line);
                max = Math.max(max, line.line);
            }
        }
        return max < 0 ? null : new int[] {min, max};
    }

    private List<String> text(ClassLoader loader, String owner) {
        ClassNode node = ClassFiles.debug(loader, owner);
        if (node == null || node.sourceFile == null) {
            return null;
        }
        int slash = owner.lastIndexOf('/');
        String relative = (slash < 0 ? "" : owner.substring(0, slash + 1)) + node.sourceFile;
        return files.computeIfAbsent(relative, this::load).orElse(null);
    }

    private Optional<List<String>> load(String relative) {
        for (Path javaRoot : javaRoots()) {
            Path file = javaRoot.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private synchronized List<Path> javaRoots() {
        if (javaRoots != null) {
            return javaRoots;
        }
        List<Path> roots = new ArrayList<>();
        addJavaRoots(root.resolve("src"), roots);
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path module : modules) {
                addJavaRoots(module.resolve("src"), roots);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable working directory just means no source text
        }
        javaRoots = List.copyOf(roots);
        return javaRoots;
    }

    private static void addJavaRoots(Path src, List<Path> roots) {
        if (!Files.isDirectory(src)) {
            return;
        }
        try (DirectoryStream<Path> sets = Files.newDirectoryStream(src, Files::isDirectory)) {
            for (Path set : sets) {
                Path java = set.resolve("java");
                if (Files.isDirectory(java)) {
                    roots.add(java);
                }
            }
        } catch (IOException | RuntimeException e) {
            // skip unreadable source sets
        }
    }
}
