package dev.sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Describes the machine and the Java runtimes a report was measured on. */
final class Machine {
    private Machine() {}

    static String cpus() {
        return Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    static String memory() {
        return firstLine(Path.of("/proc/meminfo"), "MemTotal:").replaceAll("\\s+", " ");
    }

    static String kernel() {
        return firstLine(Path.of("/proc/sys/kernel/osrelease"), "");
    }

    static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg"), "");
    }

    static String openFilesLimit() {
        return firstLine(Path.of("/proc/self/limits"), "Max open files").replaceAll("\\s+", " ");
    }

    /** The first line of `java -version` for the given launcher (a path or a name on the PATH). */
    static String javaVersion(String java) {
        try {
            Process process = new ProcessBuilder(java, "-version")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String firstLine(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                    .filter(l -> l.startsWith(prefix))
                    .findFirst()
                    .orElse("unknown")
                    .trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
