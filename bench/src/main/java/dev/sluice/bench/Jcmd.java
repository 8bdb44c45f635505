package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs jcmd of the JDK that runs a given process (so that the attach protocol versions match). */
final class Jcmd {
    private Jcmd() {}

    /**
     * Asks the process for a full garbage collection; G1 then returns unused heap to the operating system, so the
     * resident memory measured afterwards is what the live data needs rather than what the heap once grew to.
     */
    static void fullGc(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().command())
                .orElseThrow(() -> new IOException("no command line for process " + pid)));
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IOException("no jcmd beside " + java);
        }
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.run failed");
        }
    }
}
