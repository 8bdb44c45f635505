package dev.sluice.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the API requests in progress, so a graceful shutdown can refuse new ones and wait for the rest.
 *
 * <p>Every request enters and exits once, from the event loops and request threads alike, so the count and the
 * draining flag are one atomic word ({@link #DRAINING} bit plus count) rather than a lock they would all contend
 * on; the lock only pairs the waiter of {@link #awaitIdle} with the exit that brings the count to zero.
 */
final class InFlightRequests {
    private static final long DRAINING = 1L << 62;

    private final AtomicLong state = new AtomicLong();
    // guards nothing but the idle condition, signalled when the count drops to zero
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /** Admits one request; false once draining has begun (the request is then refused). */
    boolean enter() {
        while (true) {
            long current = state.get();
            if ((current & DRAINING) != 0) {
                return false;
            }
            if (state.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Ends one admitted request (its response written, or its connection gone). */
    void exit() {
        if ((state.decrementAndGet() & ~DRAINING) == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    void drain() {
        state.getAndUpdate(s -> s | DRAINING);
    }

    boolean draining() {
        return (state.get() & DRAINING) != 0;
    }

    int count() {
        return (int) (state.get() & ~DRAINING);
    }

    /** Waits until no request is in progress; false if some still are after {@code timeout}. */
    boolean awaitIdle(Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (count() > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return count() == 0;
        } finally {
            lock.unlock();
        }
    }
}
