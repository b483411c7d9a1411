package org.bighummingbird.sdk.internal.export;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instance fields of a class, read without running any of its code: no getters, no record
 * accessors (a user may override them, and a JPA getter may load from the database). Superclass
 * fields come first; static, transient and synthetic fields (an inner class's {@code this$0}) are
 * left out, and so are the fields of JDK superclasses, which the JDK does not open to reflection.
 * One per class, cached; thread-safe.
 */
final class FieldReader {
    private static final ClassValue<FieldReader> READERS = new ClassValue<>() {
        @Override
        protected FieldReader computeValue(Class<?> type) {
            return read(type);
        }
    };

    final String[] names;
    private final Field[] fields;
    /** Why the fields cannot be read (a module that does not open its package), or null. */
    final String unreadable;

    private FieldReader(String[] names, Field[] fields, String unreadable) {
        this.names = names;
        this.fields = fields;
        this.unreadable = unreadable;
    }

    static FieldReader of(Class<?> type) {
        return READERS.get(type);
    }

    Object get(Object target, int i) throws IllegalAccessException {
        return fields[i].get(target);
    }

    private static FieldReader read(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (Class<?> c = type; c != null && c != Object.class && !Snapshots.jdk(c); c = c.getSuperclass()) {
                List<Field> own = new ArrayList<>();
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    // a subclass's field hides the superclass's of the same name, as in the source
                    if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic() || !seen.add(f.getName())) {
                        continue;
                    }
                    f.setAccessible(true);
                    own.add(f);
                }
                fields.addAll(0, own);
            }
        } catch (RuntimeException | LinkageError e) {
            // InaccessibleObjectException (a named module that does not open the package), a missing class
            return new FieldReader(new String[0], new Field[0], e.toString());
        }
        String[] names = fields.stream().map(Field::getName).toArray(String[]::new);
        return new FieldReader(names, fields.toArray(new Field[0]), null);
    }
}
