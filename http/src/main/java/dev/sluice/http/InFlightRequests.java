package dev.sluice.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts the API requests in progress, so a graceful shutdown can refuse new ones and wait for the rest. */
final class InFlightRequests {
    // guards count and draining; idle is signalled when count drops to zero
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int count;
    private boolean draining;

    /** Admits one request; false once draining has begun (the request is then refused). */
    boolean enter() {
        lock.lock();
        try {
            if (draining) {
                return false;
            }
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends one admitted request (its response written, or its connection gone). */
    void exit() {
        lock.lock();
        try {
            count--;
            if (count == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void drain() {
        lock.lock();
        try {
            draining = true;
        } finally {
            lock.unlock();
        }
    }

    boolean draining() {
        lock.lock();
        try {
            return draining;
        } finally {
            lock.unlock();
        }
    }

    int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no request is in progress; false if some still are after {@code timeout}. */
    boolean awaitIdle(Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (count > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return count == 0;
        } finally {
            lock.unlock();
        }
    }
}
