package org.bighummingbird.sdk.internal.export;

import java.nio.file.Path;
import java.util.List;

/**
 * A process that spools one run into the directory given and keeps its segment open until its
 * stdin closes or it is killed; prints {@code ready <pid>} once the segment is on disk.
 */
public final class SpoolHolder {
    private SpoolHolder() {}

    public static void main(String[] args) throws Exception {
        Spool spool = new Spool(Path.of(args[0]), 1 << 20);
        spool.append("p", List.of(ExporterTest.registration("m")),
                List.of(RunSerializer.toRecord(ExporterTest.run("m", 1))));
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // holds the segment until the test lets go
        }
        spool.close();
    }
}
