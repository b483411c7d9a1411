package org.bighummingbird.server.rest;

import static org.bighummingbird.server.rest.JsonValueCheck.escapeLength;
import static org.bighummingbird.server.rest.JsonValueCheck.escaped;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys of the objects {@link JsonValueCheck} is inside, the innermost object's last: where each
 * starts (its opening quote, the key already checked) and the hash of its decoded text. Finding a key
 * twice in an object needs no strings: keys are compared in place when their hashes are equal, each
 * with each in an object of at most {@value #FEW_KEYS} keys, else after sorting by hash. One per
 * thread; the arrays grow to the values checked and are let go after a very large one. Not
 * thread-safe.
 */
final class ObjectKeys {
    /** Keys compared each with each; more are sorted by hash first. */
    private static final int FEW_KEYS = 32;
    /** Keys the arrays keep room for between values. */
    private static final int RETAINED = 1024;

    private int[] starts = new int[64];
    private int[] hashes = new int[64];
    /** Scratch for sorting: a hash in the high half, an index into {@link #starts} in the low half. */
    private long[] byHash = new long[64];
    private int size;

    /** Where the next object's keys begin; pass it to {@link #close}. */
    int open() {
        return size;
    }

    /** Adds the key whose opening quote is at {@code start} to the innermost object. */
    void add(String s, int start) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, 2 * size);
            hashes = Arrays.copyOf(hashes, 2 * size);
        }
        starts[size] = start;
        hashes[size++] = hash(s, start);
    }

    /** Ends the innermost object, whose keys begin at {@code first}: false if it holds a key twice. */
    boolean close(String s, int first) {
        boolean unique = size - first <= FEW_KEYS ? !repeatedAmongFew(s, first) : !repeatedAmongMany(s, first);
        size = first;
        return unique;
    }

    void clear() {
        size = 0;
        if (starts.length > RETAINED || byHash.length > RETAINED) {
            starts = new int[64];
            hashes = new int[64];
            byHash = new long[64];
        }
    }

    private boolean repeatedAmongFew(String s, int first) {
        for (int a = first; a < size; a++) {
            for (int b = a + 1; b < size; b++) {
                if (hashes[a] == hashes[b] && same(s, starts[a], starts[b])) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean repeatedAmongMany(String s, int first) {
        int count = size - first;
        if (byHash.length < count) {
            byHash = new long[starts.length];
        }
        for (int k = 0; k < count; k++) {
            byHash[k] = (long) hashes[first + k] << 32 | (first + k);
        }
        Arrays.sort(byHash, 0, count);
        for (int from = 0, to; from < count; from = to) {
            for (to = from + 1; to < count && byHash[to] >>> 32 == byHash[from] >>> 32; to++) {
                // a run of keys with one hash
            }
            if (to - from > 1 && repeatedAmongOneHash(s, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two of the keys in {@code byHash[from..to)}, all of one hash, decode to the same text. */
    private boolean repeatedAmongOneHash(String s, int from, int to) {
        if (to - from > FEW_KEYS) {
            // many keys of one hash are an attack on comparing each with each; a HashSet keeps
            // strings of one hash in a tree
            Set<String> seen = new HashSet<>();
            for (int k = from; k < to; k++) {
                if (!seen.add(decoded(s, starts[(int) byHash[k]]))) {
                    return true;
                }
            }
            return false;
        }
        for (int a = from; a < to; a++) {
            for (int b = a + 1; b < to; b++) {
                if (same(s, starts[(int) byHash[a]], starts[(int) byHash[b]])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link String#hashCode} of the decoded key whose opening quote is at {@code start}. */
    private static int hash(String s, int start) {
        int hash = 0;
        for (int i = start + 1; s.charAt(i) != '"'; ) {
            char c = s.charAt(i);
            if (c == '\\') {
                c = (char) escaped(s, i);
                i += escapeLength(s, i);
            } else {
                i++;
            }
            hash = 31 * hash + c;
        }
        return hash;
    }

    /** Whether the keys whose opening quotes are at {@code a} and {@code b} decode to the same text. */
    private static boolean same(String s, int a, int b) {
        while (true) {
            char x = s.charAt(++a);
            char y = s.charAt(++b);
            if (x == '"' || y == '"') {
                return x == y;
            }
            if (x == '\\') {
                x = (char) escaped(s, a);
                a += escapeLength(s, a) - 1;
            }
            if (y == '\\') {
                y = (char) escaped(s, b);
                b += escapeLength(s, b) - 1;
            }
            if (x != y) {
                return false;
            }
        }
    }

    private static String decoded(String s, int start) {
        StringBuilder key = new StringBuilder();
        for (int i = start + 1; s.charAt(i) != '"'; ) {
            char c = s.charAt(i);
            if (c == '\\') {
                key.append((char) escaped(s, i));
                i += escapeLength(s, i);
            } else {
                key.append(c);
                i++;
            }
        }
        return key.toString();
    }
}
