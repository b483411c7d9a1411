package org.bighummingbird.sdk.internal.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads JVM generic signatures ({@code Ljava/util/List<Ljava/lang/String;>;}) into binary type
 * names with their type arguments ({@code java.util.List<java.lang.String>}; a nested class as
 * {@code java.util.Map$Entry}, also when its outer class has type arguments). The text depends on
 * the class file only, never on how the source spells a type.
 */
final class TypeSignatures {
    private final String s;
    private int pos;

    private TypeSignatures(String s) {
        this.s = s;
    }

    /** The Java name of one field type signature. */
    static String javaName(String signature) {
        TypeSignatures p = new TypeSignatures(signature);
        String name = p.type();
        p.expectEnd();
        return name;
    }

    /** The Java names of the type arguments of a class type signature, as {@code Fn2<A, B, R>} gives A, B, R. */
    static List<String> typeArguments(String signature) {
        TypeSignatures p = new TypeSignatures(signature);
        List<String> args = new ArrayList<>();
        p.expect('L');
        while (p.peek() != '<' && p.peek() != ';') {
            p.pos++;
        }
        if (p.peek() == '<') {
            p.pos++;
            while (p.peek() != '>') {
                args.add(p.typeArgument());
            }
        }
        return args;
    }

    /**
     * The names of a method signature's parameter types followed by its return type
     * ({@code <T:Ljava/lang/Object;>(TT;)Ljava/util/List<TT;>;} gives T, java.util.List&lt;T&gt;).
     */
    static List<String> methodTypes(String signature) {
        TypeSignatures p = new TypeSignatures(signature);
        if (p.peek() == '<') {
            p.skipTypeParameters();
        }
        p.expect('(');
        List<String> types = new ArrayList<>();
        while (p.peek() != ')') {
            types.add(p.type());
        }
        p.pos++;
        types.add(p.type());
        return types;
    }

    private void skipTypeParameters() {
        expect('<');
        while (peek() != '>') {
            pos = s.indexOf(':', pos);
            while (peek() == ':') {
                pos++;
                char c = peek();
                if (c == 'L' || c == 'T' || c == '[') {
                    type();
                }
            }
        }
        pos++;
    }

    private String type() {
        char c = s.charAt(pos++);
        switch (c) {
            case 'L':
                return classType();
            case 'T': {
                int end = s.indexOf(';', pos);
                String name = s.substring(pos, end);
                pos = end + 1;
                return name;
            }
            case '[':
                return type() + "[]";
            case 'Z': return "boolean";
            case 'B': return "byte";
            case 'C': return "char";
            case 'S': return "short";
            case 'I': return "int";
            case 'J': return "long";
            case 'F': return "float";
            case 'D': return "double";
            case 'V': return "void";
            default:
                throw new IllegalArgumentException("bad signature " + s + " at " + (pos - 1));
        }
    }

    private String classType() {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = s.charAt(pos++);
            if (c == '/') {
                out.append('.');
            } else if (c == '<') {
                out.append('<');
                boolean first = true;
                while (peek() != '>') {
                    if (!first) {
                        out.append(", ");
                    }
                    out.append(typeArgument());
                    first = false;
                }
                pos++;
                out.append('>');
            } else if (c == '.') {
                out.append('$'); // an inner class of a parameterized outer class: its binary name's separator
            } else if (c == ';') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
    }

    private String typeArgument() {
        char c = peek();
        if (c == '*') {
            pos++;
            return "?";
        }
        if (c == '+') {
            pos++;
            return "? extends " + type();
        }
        if (c == '-') {
            pos++;
            return "? super " + type();
        }
        return type();
    }

    private char peek() {
        return s.charAt(pos);
    }

    private void expect(char c) {
        if (s.charAt(pos++) != c) {
            throw new IllegalArgumentException("bad signature " + s + " at " + (pos - 1));
        }
    }

    private void expectEnd() {
        if (pos != s.length()) {
            throw new IllegalArgumentException("bad signature " + s + ": trailing characters at " + pos);
        }
    }
}
