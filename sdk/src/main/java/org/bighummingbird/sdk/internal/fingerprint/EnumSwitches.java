package org.bighummingbird.sdk.internal.fingerprint;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Reads javac's switches over enums. javac compiles {@code switch (tone)} to
 * {@code getstatic $SwitchMap$demo$Tone; <tone>; invokevirtual ordinal(); iaload; tableswitch}: a
 * synthetic array maps each constant's ordinal to a case number, and the numbers are handed out in
 * the order the enum's constants first appear in any switch of the whole top-level class. An
 * unrelated switch over the same enum added above the model would renumber the model's cases, so
 * such a switch is digested by the names of the constants its cases stand for instead.
 */
final class EnumSwitches {
    private static final String SWITCH_MAP = "$SwitchMap$";

    private EnumSwitches() {}

    /** Whether the field is one of javac's ordinal-to-case-number arrays. */
    static boolean isSwitchMap(FieldInsnNode field) {
        return field.name.startsWith(SWITCH_MAP) && field.desc.equals("[I");
    }

    /**
     * The enum constant names by case number when {@code switchInsn} switches over an enum through
     * a switch map, else null.
     */
    static Map<Integer, String> caseNames(AbstractInsnNode switchInsn, ClassLoader loader) {
        AbstractInsnNode load = previous(switchInsn);
        if (load == null || load.getOpcode() != Opcodes.IALOAD
                || !(previous(load) instanceof MethodInsnNode ordinal) || !ordinal.name.equals("ordinal")
                || !ordinal.desc.equals("()I")) {
            return null;
        }
        String mapName = SWITCH_MAP + ordinal.owner.replace('/', '$');
        // the selector is evaluated between loading the map and calling ordinal(): search back for it
        for (AbstractInsnNode insn = previous(ordinal); insn != null; insn = previous(insn)) {
            if (insn instanceof FieldInsnNode map && map.getOpcode() == Opcodes.GETSTATIC && isSwitchMap(map)
                    && map.name.equals(mapName)) {
                return read(loader, map.owner, map.name, ordinal.owner);
            }
        }
        return null;
    }

    private static Map<Integer, String> read(ClassLoader loader, String mapOwner, String mapName, String enumType) {
        try {
            Field field = Class.forName(mapOwner.replace('/', '.'), true, loader).getDeclaredField(mapName);
            field.setAccessible(true);
            int[] caseNumbers = (int[]) field.get(null);
            Object[] constants = Class.forName(enumType.replace('/', '.'), true, loader).getEnumConstants();
            if (caseNumbers == null || constants == null) {
                return null;
            }
            Map<Integer, String> names = new HashMap<>();
            for (int ordinal = 0; ordinal < Math.min(caseNumbers.length, constants.length); ordinal++) {
                if (caseNumbers[ordinal] != 0) {
                    names.put(caseNumbers[ordinal], ((Enum<?>) constants[ordinal]).name());
                }
            }
            return names;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }
}
