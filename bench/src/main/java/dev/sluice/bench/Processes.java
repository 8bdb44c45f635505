package dev.sluice.bench;

import java.util.concurrent.TimeUnit;

/** Stops a process the bench started, by its id: SIGTERM first, SIGKILL if it does not exit in time. */
final class Processes {
    private Processes() {}

    static void stop(long pid, long graceSeconds) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        });
    }
}
