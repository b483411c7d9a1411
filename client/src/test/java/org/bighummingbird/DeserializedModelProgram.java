package org.bighummingbird;

import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program that reads a traced function another JVM serialized, the way a Spark executor gets a
 * closure, and calls it: {@code bytes home open|none calls}. With {@code open} it opens the project
 * on {@code home} after reading the bytes (user code opens the SDK after the closure arrived), and
 * prints the model's tag. Prints each result.
 */
public final class DeserializedModelProgram {
    private DeserializedModelProgram() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Fn1<Integer, Integer> model;
        try (var in = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
            model = (Fn1<Integer, Integer>) in.readObject();
        }
        BigHummingbird bhb = args[2].equals("open") ? BigHummingbird.local("Serialized", Path.of(args[1])) : null;
        int calls = Integer.parseInt(args[3]);
        for (int i = 1; i <= calls; i++) {
            System.out.println(model.apply(i));
        }
        if (bhb != null) {
            System.out.println("tag " + ((Traced) model).tag());
            bhb.close();
        }
    }
}
