package org.bighummingbird.sdk.internal.fingerprint;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Which method call sits at a bytecode index, as a stack frame reports it. ASM's tree API hides
 * bytecode offsets, so this walks the raw Code attribute: the answer is the call's position among the
 * method's invoke instructions, which the tree lists in the same order. Unlike a line number this is
 * there without debug information and tells two calls on one line apart.
 */
final class InvokeAt {
    private InvokeAt() {}

    /**
     * The position of the invoke instruction at {@code bytecodeIndex} among the method's
     * invokevirtual, invokespecial, invokestatic and invokeinterface instructions, or -1 when the
     * method or such an instruction at that index is not found.
     */
    static int ordinal(byte[] classFile, String name, String desc, int bytecodeIndex) {
        try {
            ClassReader r = new ClassReader(classFile);
            int code = codeOffset(r, name, desc);
            return code < 0 ? -1 : ordinalIn(r, code + 8, r.readInt(code + 4), bytecodeIndex);
        } catch (RuntimeException e) {
            return -1; // a class file ASM cannot walk: no call site, erased types
        }
    }

    /** The offset of the method's Code attribute body (after its name and length), or -1. */
    private static int codeOffset(ClassReader r, String name, String desc) {
        char[] buf = new char[r.getMaxStringLength()];
        int u = r.header + 6;
        u += 2 + 2 * r.readUnsignedShort(u); // interfaces
        u = skipMembers(r, u); // fields
        int methods = r.readUnsignedShort(u);
        u += 2;
        for (int i = 0; i < methods; i++) {
            boolean wanted = name.equals(r.readUTF8(u + 2, buf)) && desc.equals(r.readUTF8(u + 4, buf));
            int attributes = r.readUnsignedShort(u + 6);
            u += 8;
            for (int a = 0; a < attributes; a++) {
                if (wanted && "Code".equals(r.readUTF8(u, buf))) {
                    return u + 6;
                }
                u += 6 + r.readInt(u + 2);
            }
        }
        return -1;
    }

    private static int skipMembers(ClassReader r, int u) {
        int count = r.readUnsignedShort(u);
        u += 2;
        for (int i = 0; i < count; i++) {
            int attributes = r.readUnsignedShort(u + 6);
            u += 8;
            for (int a = 0; a < attributes; a++) {
                u += 6 + r.readInt(u + 2);
            }
        }
        return u;
    }

    private static int ordinalIn(ClassReader r, int start, int length, int bytecodeIndex) {
        int ordinal = 0;
        int pc = 0;
        while (pc < length && pc <= bytecodeIndex) {
            int op = r.readByte(start + pc);
            boolean invoke = op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEINTERFACE;
            if (pc == bytecodeIndex) {
                return invoke ? ordinal : -1;
            }
            if (invoke) {
                ordinal++;
            }
            pc += length(r, start, pc, op);
        }
        return -1;
    }

    /** The length in bytes of the instruction at {@code pc} (JVMS §6.5). */
    private static int length(ClassReader r, int start, int pc, int op) {
        switch (op) {
            case Opcodes.BIPUSH, Opcodes.LDC, Opcodes.NEWARRAY, Opcodes.RET:
                return 2;
            case Opcodes.SIPUSH, 19 /* ldc_w */, 20 /* ldc2_w */, Opcodes.IINC, Opcodes.GETSTATIC, Opcodes.PUTSTATIC,
                    Opcodes.GETFIELD, Opcodes.PUTFIELD, Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL,
                    Opcodes.INVOKESTATIC, Opcodes.NEW, Opcodes.ANEWARRAY, Opcodes.CHECKCAST, Opcodes.INSTANCEOF,
                    Opcodes.IFNULL, Opcodes.IFNONNULL:
                return 3;
            case Opcodes.MULTIANEWARRAY:
                return 4;
            case Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC, 200 /* goto_w */, 201 /* jsr_w */:
                return 5;
            case 196 /* wide */:
                return r.readByte(start + pc + 1) == Opcodes.IINC ? 6 : 4;
            case Opcodes.TABLESWITCH: {
                int u = start + pc + 4 - (pc & 3); // padded to a multiple of four from the method's start
                return u - start - pc + 12 + 4 * (r.readInt(u + 8) - r.readInt(u + 4) + 1);
            }
            case Opcodes.LOOKUPSWITCH: {
                int u = start + pc + 4 - (pc & 3);
                return u - start - pc + 8 + 8 * r.readInt(u + 4);
            }
            default:
                if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD || op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                    return 2;
                }
                return op >= Opcodes.IFEQ && op <= Opcodes.JSR ? 3 : 1;
        }
    }
}
