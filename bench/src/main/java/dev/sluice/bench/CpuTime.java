package dev.sluice.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * CPU time used by the server and by the load generator during one round: on two shared cores it shows which side
 * was the bottleneck.
 */
final class CpuTime {
    private final long serverPid;
    private final long wallStart;
    private final Duration serverStart;
    private final Duration selfStart;

    private CpuTime(long serverPid) {
        this.serverPid = serverPid;
        this.wallStart = System.nanoTime();
        this.serverStart = of(serverPid);
        this.selfStart = of(ProcessHandle.current().pid());
    }

    static CpuTime start(long serverPid) {
        return new CpuTime(serverPid);
    }

    /** A note such as "CPU over 13.1 s: server 9.8 s, load generator 11.2 s (2 cores = 26.2 s)". */
    String note() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double server = seconds(of(serverPid).minus(serverStart));
        double self = seconds(of(ProcessHandle.current().pid()).minus(selfStart));
        return String.format(
                Locale.ROOT,
                "CPU over %.1f s: server %.1f s, load generator %.1f s (%d cores = %.1f s)",
                wall,
                server,
                self,
                Runtime.getRuntime().availableProcessors(),
                wall * Runtime.getRuntime().availableProcessors());
    }

    private static Duration of(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
