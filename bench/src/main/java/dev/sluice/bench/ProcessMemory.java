package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident memory from /proc, as the operating system accounts it (heap, stacks, buffers). */
final class ProcessMemory {
    private ProcessMemory() {}

    /** Current resident set size (VmRSS) in MiB. */
    static double residentMiB(long pid) throws IOException {
        return statusKiB(pid, "VmRSS:") / 1024.0;
    }

    /** Peak resident set size (VmHWM) in MiB. */
    static double peakResidentMiB(long pid) throws IOException {
        return statusKiB(pid, "VmHWM:") / 1024.0;
    }

    private static long statusKiB(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(
                        line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " not found for process " + pid);
    }
}
