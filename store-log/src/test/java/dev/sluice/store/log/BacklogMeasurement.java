package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a large backlog (default 1,000,000 messages of 1 KiB): heap per message, resident memory, and the time to
 * reopen after a clean close and after a crash. Run on demand, not in the normal build:
 * {@code mvn -pl store-log verify -Dtest=BacklogMeasurement -Dsluice.measure=true [-Dsluice.messages=N]}.
 */
@EnabledIfSystemProperty(named = "sluice.measure", matches = "true")
class BacklogMeasurement {
    private static final Logger log = LoggerFactory.getLogger(BacklogMeasurement.class);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void measureBacklogMemoryAndRestartTime() throws Exception {
        int total = Integer.getInteger("sluice.messages", 1_000_000);
        long heapBefore = usedHeap();
        LogQueueStore store = LogQueueStore.open(dir, LogStoreOptions.defaults());
        StoreFixture.createQueue(store, StoreFixture.QUEUE);
        long start = System.nanoTime();
        fill(store, total);
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeap();
        log.info(
                "filled {} messages of 1 KiB in {} s ({} msgs/s); heap {} MB, {} bytes/message; RSS {} MB; disk {} MB",
                total,
                String.format("%.1f", fillSeconds),
                (long) (total / fillSeconds),
                (heapAfter - heapBefore) >> 20,
                (heapAfter - heapBefore) / total,
                rssMb(),
                diskMb());

        log.info("heap histogram (top):\n{}", histogram());
        start = System.nanoTime();
        store.close();
        log.info("clean close (with checkpoint) took {} ms", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        store = LogQueueStore.open(dir, LogStoreOptions.defaults());
        log.info("reopen after clean close took {} ms", (System.nanoTime() - start) / 1_000_000);
        assertThat(store.counts(StoreFixture.QUEUE, T0)).isEqualTo(new QueueCounts(total, 0, 0));

        // The worst crash: just before the next checkpoint is due, so the most log the cadence allows is replayed.
        // (A checkpoint taken while running tells the cadence its size; one loaded at open does not, so without this
        // the first checkpoint after an open comes after the interval alone.)
        store.checkpoint();
        Path checkpoint = dir.resolve("log").resolve(Checkpoint.FILE);
        var checkpointTime = Files.getLastModifiedTime(checkpoint);
        int more = worstCaseReplay(total, Files.size(checkpoint));
        fill(store, more);
        if (!Files.getLastModifiedTime(checkpoint).equals(checkpointTime)) {
            log.warn("a checkpoint was taken during the fill: the replay below is not the worst case");
        }
        store.abandon();
        start = System.nanoTime();
        try (LogQueueStore reopened = LogQueueStore.open(dir, LogStoreOptions.defaults())) {
            log.info(
                    "reopen after a crash (checkpoint of {} + replay of {} messages) took {} ms; RSS {} MB",
                    total,
                    more,
                    (System.nanoTime() - start) / 1_000_000,
                    rssMb());
            assertThat(reopened.counts(StoreFixture.QUEUE, T0).visible()).isEqualTo(total + more);
        }
    }

    /**
     * Nearly as many 1 KiB sends as {@link CheckpointCadence} lets pass after a checkpoint of {@code backlog}
     * messages and {@code checkpointSize} bytes: its threshold grows with the backlog, so the sends stop short of
     * {@code n x recordBytes >= SIZE_FACTOR x checkpointSize x (backlog + n) / backlog}.
     */
    private static int worstCaseReplay(int backlog, long checkpointSize) {
        double recordBytes = 1024 + 116; // payload, send op and a tenth of a batch's frame
        double perMessage = CheckpointCadence.SIZE_FACTOR * (double) checkpointSize / backlog;
        double n = Math.max(
                perMessage * backlog / (recordBytes - perMessage),
                LogStoreOptions.defaults().checkpointInterval() / recordBytes);
        return (int) (0.95 * n) / 10 * 10;
    }

    private static void fill(LogQueueStore store, int total) throws Exception {
        byte[] payload = new byte[1024];
        AtomicInteger next = new AtomicInteger();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                futures.add(executor.submit(() -> {
                    while (next.getAndAdd(10) < total) {
                        List<NewMessage> batch = new ArrayList<>(10);
                        for (int i = 0; i < 10; i++) {
                            batch.add(NewMessage.of(UUID.randomUUID().toString(), payload, T0, T0));
                        }
                        store.append(StoreFixture.QUEUE, batch, AppendOptions.at(T0));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) server.invoke(
                name, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return String.join("\n", text.lines().limit(16).toList());
    }

    private static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private long diskMb() throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    return 0;
                                }
                            })
                            .sum()
                    >> 20;
        }
    }
}
