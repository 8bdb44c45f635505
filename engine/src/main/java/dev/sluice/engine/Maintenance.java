package dev.sluice.engine;

import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic housekeeping: removes messages past their queue's retention period (receives skip them anyway, so this
 * only frees space and keeps counts exact) and forgets old purge marks. A virtual thread runs it every second; tests
 * call {@link #run} directly with a manual clock.
 */
final class Maintenance {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final QueueStore store;
    private final InstantSource clock;
    private final QueueCatalog catalog;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private boolean closed;
    private Thread thread;

    Maintenance(QueueStore store, InstantSource clock, QueueCatalog catalog) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
    }

    void start() {
        thread = Thread.ofVirtual().name("sluice-maintenance").start(this::loop);
    }

    /** One pass over every queue; returns the number of messages expired. */
    long run() {
        Instant now = clock.instant();
        long expired = 0;
        for (QueueRecord queue : store.allQueues()) {
            try {
                Duration retention = QueueSettings.retentionOf(queue);
                expired += store.expire(queue.id(), now.minus(retention));
            } catch (QueueNotFoundException e) {
                // deleted meanwhile: nothing to expire
            }
        }
        catalog.prunePurgeMarks(now);
        return expired;
    }

    private void loop() {
        while (true) {
            lock.lock();
            try {
                if (!closed) {
                    stopped.await(PERIOD.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (closed) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("maintenance pass failed: {}", e.toString());
            }
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        if (thread != null) {
            try {
                thread.join(PERIOD.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
