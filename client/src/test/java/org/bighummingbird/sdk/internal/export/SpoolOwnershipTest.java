package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may replay a spool segment, with real processes on one directory: a segment belongs to the
 * process holding its owner's file lock, whatever pid it has in whichever pid namespace.
 */
class SpoolOwnershipTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private List<String> holder() {
        return List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), SpoolHolder.class.getName(), dir.toString());
    }

    /** Starts a command and waits for its {@code ready <pid>} line; returns the pid it printed. */
    private static long ready(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the holder started").isNotNull().startsWith("ready ");
        return Long.parseLong(line.substring("ready ".length()));
    }

    private static void kill(Process process) throws InterruptedException {
        // SIGKILL to the process and everything under it: the OS releases their locks, nothing runs on exit
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anotherProcessNeverTakesALiveProcesssSegmentAndTakesItAfterASigkill() throws Exception {
        Process holder = new ProcessBuilder(holder()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            ready(holder);
            assertThat(new Spool(dir, 1 << 20).claim()).as("the writer lives").isNull();
        } finally {
            kill(holder);
        }
        Spool next = new Spool(dir, 1 << 20);
        Path claimed = next.claim();
        assertThat(claimed).as("claimable once its writer is killed").isNotNull();
        assertThat(Spool.read(claimed)).hasSize(2);
        next.close();
    }

    @Test
    void aProcessThatIsPid1InItsOwnPidNamespaceKeepsItsSegmentAsAContainerWould() throws Exception {
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc"));
        command.addAll(holder());
        Process holder;
        try {
            holder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            assumeTrue(false, "no unshare here: " + e);
            return;
        }
        try {
            long pid;
            try {
                pid = ready(holder);
            } catch (AssertionError e) {
                assumeTrue(false, "this machine does not allow a new pid namespace");
                return;
            }
            assertThat(pid).as("the holder is pid 1 in its namespace, like a container's application").isEqualTo(1);
            assertThat(new Spool(dir, 1 << 20).claim()).as("the writer lives, in another pid namespace").isNull();
        } finally {
            kill(holder);
        }
        Spool next = new Spool(dir, 1 << 20);
        assertThat(next.claim()).as("claimable once its writer is killed").isNotNull();
        next.close();
    }
}
