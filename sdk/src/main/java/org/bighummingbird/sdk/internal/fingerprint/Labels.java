package org.bighummingbird.sdk.internal.fingerprint;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** Numbers the labels of a method's code by position, so that a digest keeps its control flow. */
final class Labels {
    private Labels() {}

    /**
     * Labels that jumps, switches and try blocks in {@code first..last} refer to, numbered in code
     * order; those outside the range (a slice of a method jumping out of it) are all -1.
     */
    static Map<LabelNode, Integer> numbered(AbstractInsnNode first, AbstractInsnNode last,
            List<TryCatchBlockNode> blocks) {
        Set<LabelNode> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AbstractInsnNode insn = first; insn != null; insn = insn == last ? null : insn.getNext()) {
            if (insn instanceof JumpInsnNode j) {
                used.add(j.label);
            } else if (insn instanceof TableSwitchInsnNode t) {
                used.add(t.dflt);
                used.addAll(t.labels);
            } else if (insn instanceof LookupSwitchInsnNode l) {
                used.add(l.dflt);
                used.addAll(l.labels);
            }
        }
        for (TryCatchBlockNode block : blocks) {
            used.add(block.start);
            used.add(block.end);
            used.add(block.handler);
        }
        Map<LabelNode, Integer> numbers = new IdentityHashMap<>();
        for (AbstractInsnNode insn = first; insn != null; insn = insn == last ? null : insn.getNext()) {
            if (insn instanceof LabelNode label && used.contains(label)) {
                numbers.put(label, numbers.size());
            }
        }
        for (LabelNode label : used) {
            numbers.putIfAbsent(label, -1);
        }
        return numbers;
    }
}
